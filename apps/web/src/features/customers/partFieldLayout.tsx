// Shared plumbing of the part field components (ContactFields, PremiseFields, …): the same fields
// render inside a Form.List item of the create form and alone in the 360 page's edit dialogs.
import { createContext, useContext, type ReactNode } from 'react';
import { Col, type ColProps } from 'antd';
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import type { Locale } from '@gridcare/contracts';
import { zodRule } from '../../shared/zodRule';

/** 'list': a card of the create form (wide, several columns); 'modal': a dialog (two columns). */
export const FieldLayoutContext = createContext<'list' | 'modal'>('list');

const MODAL_COL: ColProps = { xs: 24, sm: 12 };

export function FieldCol({
  list,
  modal = MODAL_COL,
  children,
}: {
  list: ColProps;
  modal?: ColProps;
  children: ReactNode;
}) {
  const layout = useContext(FieldLayoutContext);
  return <Col {...(layout === 'modal' ? modal : list)}>{children}</Col>;
}

export interface PartFieldsProps {
  /** Index in the create form's Form.List; absent in a dialog, whose form holds a single part. */
  index?: number;
  /** data-testid prefix: `contact-0` in the create form, `part-contact` in a dialog. */
  testId: string;
  /**
   * The values an edited part was loaded with. Unchanged values are not sent back (only changed
   * fields go into a PATCH), so they are not checked again — masked phones (138****5678) stay valid.
   */
  loaded?: Record<string, unknown>;
}

export function fieldName(index: number | undefined, field: string): string | (string | number)[] {
  return index === undefined ? field : [index, field];
}

/**
 * zodRule for one field. Blank values are left to the field's own `required` rule (so an empty
 * required field shows one message, not two), and a value the part was loaded with passes unchecked.
 */
export function partRule(locale: Locale, loaded: Record<string, unknown> | undefined) {
  return (field: string, schema: z.ZodType): Rule => {
    const rule = zodRule(schema, locale, { optional: true });
    if (!loaded || typeof rule === 'function' || !rule.validator) return rule;
    const validate = rule.validator;
    return {
      ...rule,
      validator: (r, value: unknown, callback) =>
        value !== undefined && value === loaded[field] ? Promise.resolve() : validate(r, value, callback),
    };
  };
}
