import { themes, type Theme } from '../../../src-shared/domain/settings';
import { api } from '../../api';
import { useUi } from '../../store';
import { Card } from '../../ui/Card';
import { Segmented } from '../../ui/Segmented';

const themeLabels: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/**
 * Light, dark, or as the system is: applied as soon as it is chosen (the shell sets the page's
 * data-theme from the setting) and saved at once, as a scheme is judged by seeing it: the one
 * setting outside the sections' Save.
 *   <ThemeSetting id="settings-appearance" />
 */
export function ThemeSetting({ id }: { id?: string }) {
  const settings = useUi((state) => state.settings);
  const setSettings = useUi((state) => state.setSettings);
  const showError = useUi((state) => state.showError);
  if (!settings) return null;
  const choose = async (theme: Theme) => {
    try {
      setSettings(await api.invoke('settings.update', { theme }));
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Card id={id} title="Appearance" help="Dark suits a dim room; System follows your computer’s setting as it changes during the day.">
      <Segmented label="Colour scheme" showLabel options={themes} labels={themeLabels} value={settings.theme} onChange={(theme) => void choose(theme)} />
    </Card>
  );
}
