// Messages about Google's own limits (Sheets API quotas, the document a scheduled run works on).
export const platform = {
  en: {
    'error.sheets.quota':
      'Google Sheets is busy (too many requests this minute). Nothing was lost: the work continues on the next run.',
    'error.sheets.noSpreadsheet':
      'The scheduled sync could not find its spreadsheet. Open the spreadsheet and turn auto-sync off and on again.',
  },
  ru: {
    'error.sheets.quota':
      'Google Таблицы перегружены (слишком много запросов за минуту). Ничего не потеряно: работа продолжится при следующем запуске.',
    'error.sheets.noSpreadsheet':
      'Автозагрузка не нашла свою таблицу. Откройте таблицу, выключите и снова включите автозагрузку.',
  },
  zh: {
    'error.sheets.quota': 'Google 表格当前繁忙（本分钟请求过多）。数据未丢失：下次运行时继续。',
    'error.sheets.noSpreadsheet': '定时同步找不到它的表格。请打开表格，关闭后重新开启自动同步。',
  },
};
