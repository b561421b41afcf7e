import { Typography } from 'antd';

/** The work standard as written: numbered steps on their own lines, quoted scripts emphasised. */
export function NormStandard({ text }: { text: string }) {
  return (
    <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }} data-testid="norm-standard">
      {text.split(/(“[^”]*”)/).map((part, i) =>
        part.startsWith('“') ? (
          <Typography.Text key={i} mark>
            {part}
          </Typography.Text>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </div>
  );
}
