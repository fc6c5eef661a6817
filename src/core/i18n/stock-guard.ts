// Messages of the stock push's guards: a sharp cut for many products needs the seller's confirmation
// (menu and sidebar) and is skipped after a sync; the Sync log says when stock was not kept up.
export const stockGuard = {
  en: {
    'inventory.sharpCut.item': '{offerId} ({warehouse}): {from} → {to}',
    'inventory.sharpCut.more': '{list} and {count} more',
    'inventory.sharpCut.ask':
      'Nothing was sent to Ozon: this push would cut stock by half or more for {count} of {pairs} {pairs|product|products} ({list}). A cut this wide is often a damaged Stock moves tab or a wrong count. Check Inventory and Stock moves, then confirm the push if the figures are right.',
    'inventory.sharpCut.changed':
      'Nothing was sent to Ozon: the figures changed since you confirmed. The push would now cut stock by half or more for {count} of {pairs} {pairs|product|products} ({list}). Check them and confirm again.',
    'inventory.sharpCut.skipped':
      'Push after sync skipped: it would cut stock by half or more for {count} of {pairs} {pairs|product|products} ({list}). Nothing was sent to Ozon. Check Inventory and Stock moves, then use Push stock to Ozon from the menu or the Inventory sidebar to confirm.',
    'inventory.sharpCut.title': 'Cut stock at Ozon?',
    'inventory.sharpCut.question':
      'This push would cut stock by half or more for {count} of {pairs} {pairs|product|products}: {list}. A cut this wide is often a damaged Stock moves tab or a wrong count. Send these figures to Ozon?',
    'inventory.sharpCut.declined':
      'Nothing was sent to Ozon: you did not confirm the cut for {count} {count|product|products}.',
    'inventory.sharpCut.confirm': 'Push these figures anyway',
    'inventory.sharpCut.cancel': 'Do not push',
    'inventory.afterSync.failed': 'Stock was not updated after the sync: {reason}',
    'error.inventory.confirmCut':
      'The confirmation of the stock cut is not valid. Push stock again and confirm what it shows.',
  },
  ru: {
    'inventory.sharpCut.item': '{offerId} ({warehouse}): {from} → {to}',
    'inventory.sharpCut.more': '{list} и ещё {count}',
    'inventory.sharpCut.ask':
      'В Ozon ничего не отправлено: эта отправка уменьшила бы остаток вдвое или сильнее у {count} из {pairs} {pairs|товара|товаров|товаров} ({list}). Такое массовое снижение часто означает повреждённый лист «Stock moves» или ошибку в пересчёте. Проверьте «Inventory» и «Stock moves» и подтвердите отправку, если цифры верны.',
    'inventory.sharpCut.changed':
      'В Ozon ничего не отправлено: после вашего подтверждения цифры изменились. Теперь отправка уменьшила бы остаток вдвое или сильнее у {count} из {pairs} {pairs|товара|товаров|товаров} ({list}). Проверьте их и подтвердите снова.',
    'inventory.sharpCut.skipped':
      'Отправка остатков после синхронизации пропущена: она уменьшила бы остаток вдвое или сильнее у {count} из {pairs} {pairs|товара|товаров|товаров} ({list}). В Ozon ничего не отправлено. Проверьте «Inventory» и «Stock moves», затем подтвердите отправку через меню «Отправить остатки в Ozon» или боковую панель склада.',
    'inventory.sharpCut.title': 'Уменьшить остатки в Ozon?',
    'inventory.sharpCut.question':
      'Эта отправка уменьшит остаток вдвое или сильнее у {count} из {pairs} {pairs|товара|товаров|товаров}: {list}. Такое массовое снижение часто означает повреждённый лист «Stock moves» или ошибку в пересчёте. Отправить эти цифры в Ozon?',
    'inventory.sharpCut.declined':
      'В Ozon ничего не отправлено: вы не подтвердили снижение остатка у {count} {count|товара|товаров|товаров}.',
    'inventory.sharpCut.confirm': 'Всё равно отправить',
    'inventory.sharpCut.cancel': 'Не отправлять',
    'inventory.afterSync.failed': 'Остатки после синхронизации не обновлены: {reason}',
    'error.inventory.confirmCut':
      'Подтверждение снижения остатков недействительно. Отправьте остатки ещё раз и подтвердите то, что будет показано.',
  },
  zh: {
    'inventory.sharpCut.item': '{offerId}（{warehouse}）：{from} → {to}',
    'inventory.sharpCut.more': '{list} 等另外 {count} 个',
    'inventory.sharpCut.ask':
      '未向 Ozon 发送任何内容：此次推送会使 {pairs} 个商品中的 {count} 个库存减少一半或更多（{list}）。如此大范围的减少通常意味着“Stock moves”工作表损坏或盘点有误。请检查 Inventory 和 Stock moves，如数字无误再确认推送。',
    'inventory.sharpCut.changed':
      '未向 Ozon 发送任何内容：您确认后数字已发生变化。现在推送会使 {pairs} 个商品中的 {count} 个库存减少一半或更多（{list}）。请检查后再次确认。',
    'inventory.sharpCut.skipped':
      '已跳过同步后的库存推送：它会使 {pairs} 个商品中的 {count} 个库存减少一半或更多（{list}）。未向 Ozon 发送任何内容。请检查 Inventory 和 Stock moves，然后通过菜单“推送库存到 Ozon”或库存侧边栏确认推送。',
    'inventory.sharpCut.title': '要减少 Ozon 上的库存吗？',
    'inventory.sharpCut.question':
      '此次推送会使 {pairs} 个商品中的 {count} 个库存减少一半或更多：{list}。如此大范围的减少通常意味着“Stock moves”工作表损坏或盘点有误。仍要将这些数字发送到 Ozon 吗？',
    'inventory.sharpCut.declined': '未向 Ozon 发送任何内容：您没有确认 {count} 个商品的库存减少。',
    'inventory.sharpCut.confirm': '仍然推送这些数字',
    'inventory.sharpCut.cancel': '不推送',
    'inventory.afterSync.failed': '同步后库存未更新：{reason}',
    'error.inventory.confirmCut': '库存减少的确认无效。请重新推送库存，并确认显示的内容。',
  },
};
