// Messages of the add-on's safeguards: confirmations of destructive actions, repairs the sync made to
// the sheet, the ledger guard, outcomes of unclear Ozon answers and the one-shop workbook.
export const reliability = {
  en: {
    'error.confirm.required':
      'This cannot be undone at Ozon. Tick "I confirm" next to the button and try again.',
    'sidebar.confirm.irreversible': 'I confirm: this cannot be undone',
    'sync.repaired':
      'Repaired: {moved} rows changed place during the sync and were rewritten; {restored} deleted rows were put back.',
  },
  ru: {
    'error.confirm.required':
      'Это действие нельзя отменить в Ozon. Отметьте «Подтверждаю» рядом с кнопкой и повторите.',
    'sidebar.confirm.irreversible': 'Подтверждаю: это нельзя отменить',
    'sync.repaired':
      'Исправлено: {moved} строк сместились во время синхронизации и записаны заново; {restored} удалённых строк восстановлено.',
  },
  zh: {
    'error.confirm.required': '此操作在 Ozon 无法撤销。请勾选按钮旁的“我确认”后重试。',
    'sidebar.confirm.irreversible': '我确认：此操作无法撤销',
    'sync.repaired': '已修复：同步期间有 {moved} 行移动了位置并已重写；已恢复 {restored} 行被删除的行。',
  },
};
