import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase } from '../../test/databases';

const tick = () => new Promise((r) => setTimeout(r, 20));

describe.each(DATABASE_KINDS)('afterCommit [%s]', (kind) => {
  it('runs after the commit, not for a rollback nor for a rolled-back savepoint', async () => {
    const t = await createTestDatabase(kind);
    try {
      const ran: string[] = [];
      await t.db.transaction(async (tx) => {
        tx.afterCommit(() => void ran.push('outer'));
        await tx.transaction(async (sp) => {
          sp.afterCommit(() => void ran.push('released savepoint'));
        });
        await tx
          .transaction(async (sp) => {
            sp.afterCommit(() => void ran.push('rolled-back savepoint'));
            throw new Error('undo');
          })
          .catch(() => undefined);
        await tick();
        expect(ran).toEqual([]); // nothing before the commit
      });
      await tick();
      expect(ran.sort()).toEqual(['outer', 'released savepoint']);

      await t.db
        .transaction(async (tx) => {
          tx.afterCommit(() => void ran.push('rolled back'));
          throw new Error('rollback');
        })
        .catch(() => undefined);
      t.db.afterCommit(() => void ran.push('no transaction'));
      await tick();
      expect(ran).not.toContain('rolled back');
      expect(ran).toContain('no transaction');
    } finally {
      await t.destroy();
    }
  });
});
