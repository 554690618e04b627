import { useT } from '../i18n';
import { useTheme } from '../theme/theme';
import { IconMoon, IconSun } from './Icons';

export function ThemeToggle() {
  const t = useT();
  const { theme, toggle } = useTheme();
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="icon-button"
      onClick={toggle}
      aria-label={dark ? t('app.switchToLight') : t('app.switchToDark')}
      title={dark ? t('app.switchToLight') : t('app.switchToDark')}
    >
      {dark ? <IconSun /> : <IconMoon />}
    </button>
  );
}
