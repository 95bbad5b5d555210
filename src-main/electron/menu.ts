import type { MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';
import { languages, nativeLanguageNames, type Language } from '../../shared/i18n/languages';

export interface MenuModel {
  t: TFunction;
  language: Language;
  chooseLanguage(language: Language): void;
  showAbout(): void;
}

/**
 * The application menu in the operator's language. Editing and view items use Electron's roles
 * (so shortcuts and platform behaviour are native); the Language menu lists each language in its
 * own name, the one in force checked.
 */
export function menuTemplate(model: MenuModel): MenuItemConstructorOptions[] {
  const { t } = model;
  return [
    {
      label: t('menu.file'),
      submenu: [{ role: 'quit', label: t('menu.quit') }],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'zoomIn', label: t('menu.zoomIn') },
        { role: 'zoomOut', label: t('menu.zoomOut') },
        { role: 'resetZoom', label: t('menu.resetZoom') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu.fullScreen') },
      ],
    },
    {
      label: t('menu.language'),
      submenu: languages.map(
        (language): MenuItemConstructorOptions => ({
          id: `language-${language}`,
          label: nativeLanguageNames[language],
          type: 'radio',
          checked: language === model.language,
          click: () => model.chooseLanguage(language),
        }),
      ),
    },
    {
      label: t('menu.help'),
      submenu: [{ label: t('menu.about'), click: () => model.showAbout() }],
    },
  ];
}
