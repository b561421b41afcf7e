import { ThunderboltFilled } from '@ant-design/icons';
import { BRAND_BLUE } from '../i18n/LanguageProvider';

export function Logo({ collapsed = false, light = false }: { collapsed?: boolean; light?: boolean }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, whiteSpace: 'nowrap', overflow: 'hidden' }}>
      <span
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          width: 30,
          height: 30,
          borderRadius: 8,
          background: light ? '#fff' : BRAND_BLUE,
          color: light ? BRAND_BLUE : '#fff',
          fontSize: 18,
          flex: 'none',
        }}
      >
        <ThunderboltFilled />
      </span>
      {!collapsed && (
        <span style={{ fontWeight: 600, fontSize: 16, color: light ? '#fff' : 'inherit' }}>
          GridCare 供电服务
        </span>
      )}
    </div>
  );
}
