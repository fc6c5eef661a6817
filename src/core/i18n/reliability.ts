// Messages of the add-on's safeguards: confirmations of destructive actions, repairs the sync made to
// the sheet, the ledger guard, outcomes of unclear Ozon answers and the one-shop workbook.
export const reliability = {
  en: {
    'error.inventory.ledgerDamaged':
      'The Stock moves tab is missing or damaged: it held {seen} {seen|move|moves} ({openings} opening {openings|count|counts}) and now holds {found} ({left} opening {left|count|counts}). Stock was not recomputed or pushed to Ozon, so wrong figures cannot reach Ozon. Restore the tab (Edit → Undo, or File → Version history), or run Import products from Ozon to start the ledger again.',
    'sync.setAside':
      'Set aside {count} {count|posting|postings} that Ozon sent in a shape the add-on cannot read: {postings}. Everything else synced; these are read again at the next sync.',
    'error.shop.other':
      "This spreadsheet belongs to Ozon cabinet {shop}; the key is for cabinet {yours}. One spreadsheet keeps one cabinet's orders, stock and positions, so nothing was read or changed. Use a new spreadsheet for cabinet {yours}, or save the key of cabinet {shop} in Settings.",
    'ozon.outcome.notDone':
      'Ozon did not answer {method} clearly, and re-reading {object} shows it was not done: nothing changed at Ozon. You can try again.',
    'ozon.outcome.unknown':
      'Ozon did not answer {method} clearly ({detail}), and re-reading {object} did not show whether it was done. It was not sent again. Check {check} before trying again.',
    'ozon.check.posting': 'the order in the Ozon seller cabinet (FBS → Orders)',
    'ozon.check.chat': 'the chat in the Ozon seller cabinet (Messages)',
    'ozon.check.cancellation': 'the cancellation request in the Ozon seller cabinet (FBS → Cancellations)',
    'ozon.check.return': 'the return in the Ozon seller cabinet (Returns)',
    'ozon.outcome.posting': 'order {posting}',
    'ozon.outcome.chat': 'the chat',
    'ozon.outcome.cancellation': 'cancellation request {id}',
    'ozon.outcome.return': 'return {id}',
    'service.chat.alreadySent':
      'This reply was already sent (an earlier answer from Ozon was lost): it was not sent again.',
    'error.confirm.required':
      'This cannot be undone at Ozon. Tick "I confirm" next to the button and try again.',
    'sidebar.confirm.irreversible': 'I confirm: this cannot be undone',
    'ozon.error.unclear':
      'Ozon did not answer {method} clearly ({detail}): the action may have gone through. It was not sent again; refresh the order to see what Ozon did before trying again.',
    'sync.repaired':
      'Repaired: {moved} {moved|row|rows} changed place during the sync and {moved|was|were} rewritten; {restored} deleted {restored|row was|rows were} put back.',
  },
  ru: {
    'error.inventory.ledgerDamaged':
      'Лист «Stock moves» удалён или повреждён: в нём было {seen} {seen|движение|движения|движений} ({openings} {openings|начальный остаток|начальных остатка|начальных остатков}), а сейчас {found} ({left} {left|начальный остаток|начальных остатка|начальных остатков}). Остатки не пересчитаны и не отправлены в Ozon, чтобы неверные цифры не попали в Ozon. Восстановите лист (Правка → Отменить или Файл → История версий) или выполните «Импорт товаров из Ozon», чтобы начать учёт заново.',
    'sync.setAside':
      'Отложено {count} {count|отправление|отправления|отправлений}: Ozon прислал их в виде, который дополнение не может прочитать: {postings}. Всё остальное синхронизировано; эти будут прочитаны заново при следующей синхронизации.',
    'error.shop.other':
      'Эта таблица принадлежит кабинету Ozon {shop}, а ключ — от кабинета {yours}. Одна таблица ведёт заказы, остатки и позиции синхронизации одного кабинета, поэтому ничего не прочитано и не изменено. Для кабинета {yours} заведите новую таблицу или сохраните в «Настройках» ключ кабинета {shop}.',
    'ozon.outcome.notDone':
      'Ozon не дал ясного ответа на {method}, а повторное чтение ({object}) показывает, что действие не выполнено: в Ozon ничего не изменилось. Можно повторить.',
    'ozon.outcome.unknown':
      'Ozon не дал ясного ответа на {method} ({detail}), и повторное чтение ({object}) не показало, выполнено ли действие. Повторно оно не отправлено. Проверьте {check}, прежде чем повторять.',
    'ozon.check.posting': 'заказ в личном кабинете продавца Ozon (FBS → Заказы)',
    'ozon.check.chat': 'чат в личном кабинете продавца Ozon (Сообщения)',
    'ozon.check.cancellation': 'заявку на отмену в личном кабинете продавца Ozon (FBS → Отмены)',
    'ozon.check.return': 'возврат в личном кабинете продавца Ozon (Возвраты)',
    'ozon.outcome.posting': 'заказ {posting}',
    'ozon.outcome.chat': 'чат',
    'ozon.outcome.cancellation': 'заявка на отмену {id}',
    'ozon.outcome.return': 'возврат {id}',
    'service.chat.alreadySent':
      'Этот ответ уже отправлен (прежний ответ Ozon потерялся): повторно он не отправлен.',
    'error.confirm.required':
      'Это действие нельзя отменить в Ozon. Отметьте «Подтверждаю» рядом с кнопкой и повторите.',
    'sidebar.confirm.irreversible': 'Подтверждаю: это нельзя отменить',
    'ozon.error.unclear':
      'Ozon не дал ясного ответа на {method} ({detail}): действие могло выполниться. Повторно оно не отправлено; обновите заказ и проверьте, что сделал Ozon, прежде чем повторять.',
    'sync.repaired':
      'Исправлено: {moved} {moved|строка сместилась|строки сместились|строк сместились} во время синхронизации и {moved|записана|записаны|записаны} заново; {restored} {restored|удалённая строка восстановлена|удалённые строки восстановлены|удалённых строк восстановлено}.',
  },
  zh: {
    'error.inventory.ledgerDamaged':
      '“Stock moves”工作表已丢失或损坏：原有 {seen} 条库存变动（{openings} 条期初数量），现在只有 {found} 条（{left} 条期初数量）。库存未重新计算，也未推送到 Ozon，以免错误数字进入 Ozon。请恢复该工作表（编辑 → 撤消，或 文件 → 版本历史记录），或运行“从 Ozon 导入商品”重新开始台账。',
    'sync.setAside':
      '已暂时跳过 {count} 个 Ozon 以无法读取的格式发送的货件：{postings}。其余全部已同步；这些货件将在下次同步时重新读取。',
    'error.shop.other':
      '此表格属于 Ozon 店铺 {shop}，而该密钥属于店铺 {yours}。一个表格只保存一个店铺的订单、库存和同步进度，因此未读取或更改任何内容。请为店铺 {yours} 新建一个表格，或在“设置”中保存店铺 {shop} 的密钥。',
    'ozon.outcome.notDone':
      'Ozon 对 {method} 的回应不明确，重新读取（{object}）显示操作未执行：Ozon 没有任何变化。可以重试。',
    'ozon.outcome.unknown':
      'Ozon 对 {method} 的回应不明确（{detail}），重新读取（{object}）也无法确认是否已执行。系统未重复发送。请先检查{check}，再决定是否重试。',
    'ozon.check.posting': 'Ozon 卖家后台中的该订单（FBS → 订单）',
    'ozon.check.chat': 'Ozon 卖家后台中的该聊天（消息）',
    'ozon.check.cancellation': 'Ozon 卖家后台中的该取消申请（FBS → 取消）',
    'ozon.check.return': 'Ozon 卖家后台中的该退货（退货）',
    'ozon.outcome.posting': '订单 {posting}',
    'ozon.outcome.chat': '该聊天',
    'ozon.outcome.cancellation': '取消申请 {id}',
    'ozon.outcome.return': '退货 {id}',
    'service.chat.alreadySent': '此回复已发送过（之前 Ozon 的回应丢失）：未重复发送。',
    'error.confirm.required': '此操作在 Ozon 无法撤销。请勾选按钮旁的“我确认”后重试。',
    'sidebar.confirm.irreversible': '我确认：此操作无法撤销',
    'ozon.error.unclear':
      'Ozon 对 {method} 的回应不明确（{detail}）：操作可能已经生效。系统未重复发送；请先刷新订单查看 Ozon 的实际结果，再决定是否重试。',
    'sync.repaired': '已修复：同步期间有 {moved} 行移动了位置并已重写；已恢复 {restored} 行被删除的行。',
  },
};
