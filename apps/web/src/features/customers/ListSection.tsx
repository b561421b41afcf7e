import type { ReactNode } from 'react';
import { Button, Card, Empty, Form, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** A Form.List as a card of numbered sub-cards with add/remove buttons. */
export function ListSection({
  name,
  title,
  addLabel,
  itemTitle,
  newItem,
  testId,
  children,
  max = 20,
}: {
  name: string;
  title: string;
  addLabel: string;
  itemTitle: (index: number) => string;
  newItem: () => Record<string, unknown>;
  testId: string;
  children: (index: number) => ReactNode;
  max?: number;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Card
          title={title}
          size="small"
          id={`section-${name}`}
          extra={
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add(newItem())}
              disabled={fields.length >= max}
              data-testid={`${testId}-add`}
            >
              {addLabel}
            </Button>
          }
        >
          {fields.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('form.noneYet')} />
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }} size={12}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  type="inner"
                  size="small"
                  title={itemTitle(index)}
                  data-testid={`${testId}-item`}
                  extra={
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      data-testid={`${testId}-remove-${index}`}
                    >
                      {t('common.remove')}
                    </Button>
                  }
                >
                  {children(field.name)}
                </Card>
              ))}
            </Space>
          )}
        </Card>
      )}
    </Form.List>
  );
}
