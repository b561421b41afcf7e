-- The register advance between two reads, rollover-aware (domain.md §8), as the set-wise intake and the
-- estimation use it. Mirrors registerAdvance() in packages/domain/src/metering/reading-validation.ts:
-- a register with `digits` integer digits wraps to 0 after 10^digits − 0.01; a lower reading is a
-- rollover when the wrapped advance is at most `share` of the register range, else backwards (NULL).
CREATE FUNCTION metering_advance(prev numeric, val numeric, digits integer, share numeric)
RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
           WHEN val >= prev THEN val - prev
           WHEN (10::numeric ^ digits) - prev + val <= share * (10::numeric ^ digits)
             THEN round((10::numeric ^ digits) - prev + val, 2)
         END
$$;
