// Seller-facing text of the prices in Inventory: Ozon's current prices, New price, My min price, the
// quantity discount, "Update prices" and "Refresh prices", with one result per row.
export const prices = {
  en: {
    'prices.sidebar.title': 'Prices',
    'prices.sidebar.hint':
      'Type a New price, My min price or a quantity discount on the Inventory rows, then send them:',
    'prices.sidebar.button': 'Update prices',
    'prices.sidebar.working': 'Sending prices to Ozon…',
    'menu.updatePrices': 'Update prices',
    'menu.refreshPrices': 'Refresh prices',
    'prices.refreshed': 'Prices refreshed for {count} {count|product|products} in Inventory.',
    'prices.noInventory': 'Inventory has no products yet: run Import products first.',
    'prices.nothingMarked': 'No Inventory row has a New price, My min price or quantity discount to send.',
    'prices.summary':
      'Update prices: {updated} updated at Ozon, {unchanged} already so, {refused} refused here, {failed} not done (see Price result).',
    'prices.failed': 'Prices could not be updated: {reason}',
    'prices.result.sent': 'price {price} {currency} set at Ozon',
    'prices.result.minSent': 'minimum price {min} {currency} set at Ozon',
    'prices.result.unchanged': 'Ozon already has this price: nothing sent',
    'prices.result.rejected': 'Ozon refused: {reason}',
    'prices.result.failed': 'not done: {reason}',
    'prices.result.noAnswer': 'not done: Ozon did not answer for this item; you may send it again',
    'prices.result.afterLoss': '{what} (the answer was lost; checked at Ozon)',
    'prices.result.notDoneAfterLoss':
      'not done: the answer was lost and Ozon shows no change; you may send it again',
    'prices.result.unknown':
      'unclear: the answer was lost and Ozon could not be read; check in your Ozon account before sending again',
    'prices.refused.noProduct': 'not sent: the offer is not on Ozon (no product ID); run Import products',
    'prices.refused.badPrice': 'not sent: New price is not a price above 0',
    'prices.refused.badMin': 'not sent: My min price is not a price',
    'prices.refused.belowMin': 'not sent: below your minimum price {amount}',
    'prices.refused.belowCost':
      'not sent: at this price you lose {amount} a unit. Write “yes” in Confirm below cost to send it anyway.',
    'prices.refused.costUnknown':
      'not sent: the profit at this price is unknown (no cost price on Costs, or no exchange rate). Add them, or write “yes” in Confirm below cost.',
    'prices.refused.qtyIncomplete':
      'quantity discount not sent: fill both Discount from qty and Qty discount % (0 % takes it off)',
    'prices.refused.qtyBad': 'quantity discount not sent: from 2 units or more, a whole percent from 1 to 99',
    'prices.refused.qtyBelowMin':
      'quantity discount not sent: the discounted price is below your minimum price {amount}',
    'prices.refused.qtyBelowCost':
      'quantity discount not sent: at the discounted price you lose {amount} a unit. Write “yes” in Confirm below cost to send it anyway.',
    'prices.refused.qtyCostUnknown':
      'quantity discount not sent: the profit at the discounted price is unknown (no cost price on Costs). Add it, or write “yes” in Confirm below cost.',
    'prices.refused.noSku': 'quantity discount not sent: the row has no SKU; run Import products',
    'prices.refused.withPrice': 'quantity discount not sent, as the new price was not',
    'prices.qty.sent': 'quantity discount from {quantity} pcs −{percent}% set at Ozon',
    'prices.qty.removed': 'quantity discount taken off at Ozon',
    'prices.qty.unchanged': 'quantity discount already so: nothing sent',
    'prices.qty.pending': 'quantity discount accepted; Ozon is still applying it (Refresh prices later)',
    'prices.qty.error': 'quantity discount not applied: Ozon reports an error; send it again',
    'prices.qty.step': 'from {quantity} pcs −{percent}%',
  },
  ru: {
    'prices.sidebar.title': 'Цены',
    'prices.sidebar.hint':
      'Введите новую цену, свою минимальную цену или скидку за количество в строках листа Inventory, затем отправьте:',
    'prices.sidebar.button': 'Обновить цены',
    'prices.sidebar.working': 'Отправляю цены в Ozon…',
    'menu.updatePrices': 'Обновить цены',
    'menu.refreshPrices': 'Загрузить цены',
    'prices.refreshed': 'Цены загружены для {count} {count|товара|товаров|товаров} на листе Inventory.',
    'prices.noInventory': 'На листе Inventory ещё нет товаров: сначала выполните «Загрузить товары».',
    'prices.nothingMarked':
      'Ни в одной строке листа Inventory нет новой цены, минимальной цены или скидки за количество.',
    'prices.summary':
      'Обновление цен: {updated} обновлено в Ozon, {unchanged} уже так, {refused} отклонено здесь, {failed} не выполнено (см. «Результат по цене»).',
    'prices.failed': 'Не удалось обновить цены: {reason}',
    'prices.result.sent': 'цена {price} {currency} установлена в Ozon',
    'prices.result.minSent': 'минимальная цена {min} {currency} установлена в Ozon',
    'prices.result.unchanged': 'в Ozon уже эта цена: ничего не отправлено',
    'prices.result.rejected': 'Ozon отказал: {reason}',
    'prices.result.failed': 'не выполнено: {reason}',
    'prices.result.noAnswer': 'не выполнено: Ozon не ответил по этому товару; можно отправить снова',
    'prices.result.afterLoss': '{what} (ответ потерялся; проверено в Ozon)',
    'prices.result.notDoneAfterLoss':
      'не выполнено: ответ потерялся, и в Ozon изменений нет; можно отправить снова',
    'prices.result.unknown':
      'неясно: ответ потерялся, а прочитать Ozon не удалось; проверьте в личном кабинете, прежде чем отправлять снова',
    'prices.refused.noProduct':
      'не отправлено: товара нет в Ozon (нет ID товара); выполните «Загрузить товары»',
    'prices.refused.badPrice': 'не отправлено: в «Новой цене» не цена больше 0',
    'prices.refused.badMin': 'не отправлено: в «Моей мин. цене» не цена',
    'prices.refused.belowMin': 'не отправлено: ниже вашей минимальной цены {amount}',
    'prices.refused.belowCost':
      'не отправлено: по этой цене вы теряете {amount} на единице. Напишите «да» в «Подтверждаю ниже себестоимости», чтобы всё же отправить.',
    'prices.refused.costUnknown':
      'не отправлено: прибыль по этой цене неизвестна (нет себестоимости на листе Costs или курса). Добавьте их или напишите «да» в «Подтверждаю ниже себестоимости».',
    'prices.refused.qtyIncomplete':
      'скидка за количество не отправлена: заполните и «Скидка от, шт.», и «Скидка за количество, %» (0 % снимает скидку)',
    'prices.refused.qtyBad': 'скидка за количество не отправлена: от 2 штук, целый процент от 1 до 99',
    'prices.refused.qtyBelowMin':
      'скидка за количество не отправлена: цена со скидкой ниже вашей минимальной цены {amount}',
    'prices.refused.qtyBelowCost':
      'скидка за количество не отправлена: по цене со скидкой вы теряете {amount} на единице. Напишите «да» в «Подтверждаю ниже себестоимости», чтобы всё же отправить.',
    'prices.refused.qtyCostUnknown':
      'скидка за количество не отправлена: прибыль по цене со скидкой неизвестна (нет себестоимости на листе Costs). Добавьте её или напишите «да» в «Подтверждаю ниже себестоимости».',
    'prices.refused.noSku':
      'скидка за количество не отправлена: в строке нет SKU; выполните «Загрузить товары»',
    'prices.refused.withPrice': 'скидка за количество не отправлена, так как не отправлена новая цена',
    'prices.qty.sent': 'скидка за количество от {quantity} шт. −{percent}% установлена в Ozon',
    'prices.qty.removed': 'скидка за количество снята в Ozon',
    'prices.qty.unchanged': 'скидка за количество уже такая: ничего не отправлено',
    'prices.qty.pending':
      'скидка за количество принята; Ozon ещё применяет её (позже нажмите «Загрузить цены»)',
    'prices.qty.error': 'скидка за количество не применена: Ozon сообщает об ошибке; отправьте снова',
    'prices.qty.step': 'от {quantity} шт. −{percent}%',
  },
  zh: {
    'prices.sidebar.title': '价格',
    'prices.sidebar.hint': '请在 Inventory 表的行中填写新价格、我的最低价或数量折扣，然后发送：',
    'prices.sidebar.button': '更新价格',
    'prices.sidebar.working': '正在向 Ozon 发送价格…',
    'menu.updatePrices': '更新价格',
    'menu.refreshPrices': '读取价格',
    'prices.refreshed': '已为 Inventory 表中的 {count} 个商品读取价格。',
    'prices.noInventory': 'Inventory 表中还没有商品：请先运行“导入商品”。',
    'prices.nothingMarked': 'Inventory 表中没有任何一行填写了新价格、我的最低价或数量折扣。',
    'prices.summary':
      '更新价格：Ozon 已更新 {updated} 个，{unchanged} 个已是如此，{refused} 个在此被拒绝，{failed} 个未完成（见“价格结果”）。',
    'prices.failed': '无法更新价格：{reason}',
    'prices.result.sent': '已在 Ozon 设置价格 {price} {currency}',
    'prices.result.minSent': '已在 Ozon 设置最低价 {min} {currency}',
    'prices.result.unchanged': 'Ozon 已是此价格：未发送',
    'prices.result.rejected': 'Ozon 拒绝：{reason}',
    'prices.result.failed': '未完成：{reason}',
    'prices.result.noAnswer': '未完成：Ozon 未就此商品答复；可以再次发送',
    'prices.result.afterLoss': '{what}（答复丢失；已在 Ozon 核实）',
    'prices.result.notDoneAfterLoss': '未完成：答复丢失，Ozon 显示没有变化；可以再次发送',
    'prices.result.unknown': '不确定：答复丢失且无法读取 Ozon；请先在 Ozon 后台核实，再决定是否重新发送',
    'prices.refused.noProduct': '未发送：该商品不在 Ozon 上（没有商品 ID）；请运行“导入商品”',
    'prices.refused.badPrice': '未发送：“新价格”不是大于 0 的价格',
    'prices.refused.badMin': '未发送：“我的最低价”不是价格',
    'prices.refused.belowMin': '未发送：低于您的最低价 {amount}',
    'prices.refused.belowCost':
      '未发送：按此价格每件亏损 {amount}。如仍要发送，请在“确认低于成本”中填写“是”。',
    'prices.refused.costUnknown':
      '未发送：此价格下的利润未知（Costs 表中没有成本价或没有汇率）。请补充，或在“确认低于成本”中填写“是”。',
    'prices.refused.qtyIncomplete':
      '数量折扣未发送：请同时填写“折扣起始件数”和“数量折扣 %”（0 % 表示取消折扣）',
    'prices.refused.qtyBad': '数量折扣未发送：起始件数至少 2 件，折扣为 1 到 99 的整数百分比',
    'prices.refused.qtyBelowMin': '数量折扣未发送：折后价低于您的最低价 {amount}',
    'prices.refused.qtyBelowCost':
      '数量折扣未发送：按折后价每件亏损 {amount}。如仍要发送，请在“确认低于成本”中填写“是”。',
    'prices.refused.qtyCostUnknown':
      '数量折扣未发送：折后价下的利润未知（Costs 表中没有成本价）。请补充，或在“确认低于成本”中填写“是”。',
    'prices.refused.noSku': '数量折扣未发送：该行没有 SKU；请运行“导入商品”',
    'prices.refused.withPrice': '数量折扣未发送，因为新价格未发送',
    'prices.qty.sent': '已在 Ozon 设置数量折扣：满 {quantity} 件减 {percent}%',
    'prices.qty.removed': '已在 Ozon 取消数量折扣',
    'prices.qty.unchanged': '数量折扣已是如此：未发送',
    'prices.qty.pending': '数量折扣已受理；Ozon 仍在处理（稍后请点击“读取价格”）',
    'prices.qty.error': '数量折扣未生效：Ozon 报告错误；请再次发送',
    'prices.qty.step': '满 {quantity} 件减 {percent}%',
  },
};
