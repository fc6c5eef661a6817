// Messages of the add-on's safeguards: confirmations of destructive actions, repairs the sync made to
// the sheet, the ledger guard, outcomes of unclear Ozon answers and the one-shop workbook.
export const reliability = {
  en: {
    'error.confirm.required':
      'This cannot be undone at Ozon. Tick "I confirm" next to the button and try again.',
    'sidebar.confirm.irreversible': 'I confirm: this cannot be undone',
  },
  ru: {
    'error.confirm.required':
      'Это действие нельзя отменить в Ozon. Отметьте «Подтверждаю» рядом с кнопкой и повторите.',
    'sidebar.confirm.irreversible': 'Подтверждаю: это нельзя отменить',
  },
  zh: {
    'error.confirm.required': '此操作在 Ozon 无法撤销。请勾选按钮旁的“我确认”后重试。',
    'sidebar.confirm.irreversible': '我确认：此操作无法撤销',
  },
};
