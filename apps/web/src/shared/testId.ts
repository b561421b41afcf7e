import type { ButtonProps } from 'antd';

/** `data-testid` for antd props objects whose types do not list data-* attributes (okButtonProps …). */
export function buttonTestId(id: string): ButtonProps {
  return { 'data-testid': id } as unknown as ButtonProps;
}
