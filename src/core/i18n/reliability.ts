// Messages of the add-on's safeguards: confirmations of destructive actions, repairs the sync made to
// the sheet, the ledger guard, outcomes of unclear Ozon answers and the one-shop workbook.
export const reliability = {
  en: {
    'error.confirm.required':
      'This cannot be undone at Ozon. Tick "I confirm" next to the button and try again.',
    'sidebar.confirm.irreversible': 'I confirm: this cannot be undone',
    'ozon.error.unclear':
      'Ozon did not answer {method} clearly ({detail}): the action may have gone through. It was not sent again; refresh the order to see what Ozon did before trying again.',
    'sync.repaired':
      'Repaired: {moved} rows changed place during the sync and were rewritten; {restored} deleted rows were put back.',
  },
  ru: {
    'error.confirm.required':
      'Это действие нельзя отменить в Ozon. Отметьте «Подтверждаю» рядом с кнопкой и повторите.',
    'sidebar.confirm.irreversible': 'Подтверждаю: это нельзя отменить',
    'ozon.error.unclear':
      'Ozon не дал ясного ответа на {method} ({detail}): действие могло выполниться. Повторно оно не отправлено; обновите заказ и проверьте, что сделал Ozon, прежде чем повторять.',
    'sync.repaired':
      'Исправлено: {moved} строк сместились во время синхронизации и записаны заново; {restored} удалённых строк восстановлено.',
  },
  zh: {
    'error.confirm.required': '此操作在 Ozon 无法撤销。请勾选按钮旁的“我确认”后重试。',
    'sidebar.confirm.irreversible': '我确认：此操作无法撤销',
    'ozon.error.unclear':
      'Ozon 对 {method} 的回应不明确（{detail}）：操作可能已经生效。系统未重复发送；请先刷新订单查看 Ozon 的实际结果，再决定是否重试。',
    'sync.repaired': '已修复：同步期间有 {moved} 行移动了位置并已重写；已恢复 {restored} 行被删除的行。',
  },
};
