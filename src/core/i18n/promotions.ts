// Seller-facing text of the Promotions tab (Ozon's actions) and its two menu items.
export const promotions = {
  en: {
    'menu.refreshPromotions': 'Refresh promotions',
    'menu.applyPromotions': 'Apply promotion choices',
    'requests.open':
      '{count} {count|discount request is|discount requests are} open (see Discount requests).',
    'requests.status.new': 'open',
    'requests.status.approved': 'approved',
    'requests.status.declined': 'declined',
    'requests.result.approved': 'approved at Ozon',
    'requests.result.declined': 'declined at Ozon',
    'requests.result.notOpen': 'not open any more (now: {status}): nothing sent',
    'requests.result.unknownChoice': '“{value}” is neither Approve nor Decline',
    'requests.result.belowCost':
      'not approved: at this price you lose {profit} a unit. Write “yes” in Confirm below cost to approve anyway.',
    'requests.result.costUnknown':
      'not approved: the profit at this price is unknown (no cost price on Costs, or no exchange rate). Add them, or write “yes” in Confirm below cost.',
    'requests.summary':
      'Discount requests: {approved} approved, {declined} declined, {refused} refused here, {failed} not done.',
    'promotions.locked': 'Another job is updating this spreadsheet. Try again in a minute.',
    'promotions.failed': 'Promotions could not be updated: {reason}',
    'promotions.refreshed':
      'Promotions refreshed: {actions} {actions|action|actions}, {inAction} {inAction|product|products} in them, {candidates} {candidates|candidate|candidates}. Mark Join or Leave, then Apply promotion choices.',
    'promotions.applied':
      'Promotion choices applied: {joined} joined, {left} left, {unchanged} already as marked, {refused} refused here, {failed} not done (see Result).',
    'promotions.nothingMarked': 'No row of Promotions or Discount requests is marked.',
    'promotions.state.in': 'in action',
    'promotions.state.candidate': 'candidate',
    'promotions.basis.sales': 'your sales',
    'promotions.basis.listed': 'Ozon’s listed rates (FBS)',
    'promotions.basis.none': 'unknown',
    'promotions.result.joined': 'joined at {price}',
    'promotions.result.left': 'left the action',
    'promotions.result.already': 'already in the action at this price: nothing sent',
    'promotions.result.notIn': 'not in the action: nothing sent',
    'promotions.result.notCandidate': 'Ozon no longer offers this product for the action',
    'promotions.result.belowCost':
      'not joined: at this price you lose {profit} a unit. Write “yes” in Confirm below cost to join anyway.',
    'promotions.result.costUnknown':
      'not joined: the profit at this price is unknown (no cost price on Costs, or no exchange rate for its currency). Add them, or write “yes” in Confirm below cost.',
    'promotions.result.badPrice': 'the join price is not a positive amount',
    'promotions.result.unknownChoice': '“{value}” is neither Join nor Leave',
    'promotions.result.actionGone': 'the action is no longer offered by Ozon',
    'promotions.result.rejected': 'Ozon refused: {reason}',
    'promotions.result.noAnswer': 'Ozon did not report on this product',
    'promotions.result.failed': 'not done: {reason}',
    'promotions.result.confirmedAfterLoss': '{what} (Ozon’s answer was lost; checked in the action)',
    'promotions.result.notDoneAfterLoss':
      'not done (Ozon’s answer was lost; the action shows no change). Apply again to retry.',
    'promotions.result.unknown':
      'unknown: Ozon’s answer was lost and the action could not be read. Refresh promotions before applying again.',
  },
  ru: {
    'menu.refreshPromotions': 'Обновить акции',
    'menu.applyPromotions': 'Применить выбор по акциям',
    'requests.open': 'Открытых заявок на скидку: {count} (см. «Discount requests»).',
    'requests.status.new': 'открыта',
    'requests.status.approved': 'одобрена',
    'requests.status.declined': 'отклонена',
    'requests.result.approved': 'одобрено в Ozon',
    'requests.result.declined': 'отклонено в Ozon',
    'requests.result.notOpen': 'заявка уже не открыта (сейчас: {status}): ничего не отправлено',
    'requests.result.unknownChoice': '«{value}» — это не «Одобрить» и не «Отклонить»',
    'requests.result.belowCost':
      'не одобрено: по этой цене убыток {profit} на единицу. Напишите «да» в «Confirm below cost», чтобы всё равно одобрить.',
    'requests.result.costUnknown':
      'не одобрено: прибыль по этой цене неизвестна (нет себестоимости на листе Costs или курса). Укажите их или напишите «да» в «Confirm below cost».',
    'requests.summary':
      'Заявки на скидку: одобрено — {approved}, отклонено — {declined}, отклонено здесь — {refused}, не выполнено — {failed}.',
    'promotions.locked': 'Таблицу сейчас обновляет другая задача. Повторите через минуту.',
    'promotions.failed': 'Не удалось обновить акции: {reason}',
    'promotions.refreshed':
      'Акции обновлены: акций — {actions}, товаров в них — {inAction}, кандидатов — {candidates}. Отметьте «Участвовать» или «Выйти» и выберите «Применить выбор по акциям».',
    'promotions.applied':
      'Выбор по акциям применён: добавлено — {joined}, выведено — {left}, уже как отмечено — {unchanged}, отклонено здесь — {refused}, не выполнено — {failed} (см. «Result»).',
    'promotions.nothingMarked': 'Ни одна строка на листах Promotions и Discount requests не отмечена.',
    'promotions.state.in': 'в акции',
    'promotions.state.candidate': 'кандидат',
    'promotions.basis.sales': 'ваши продажи',
    'promotions.basis.listed': 'тарифы Ozon (FBS)',
    'promotions.basis.none': 'неизвестно',
    'promotions.result.joined': 'добавлен по цене {price}',
    'promotions.result.left': 'выведен из акции',
    'promotions.result.already': 'уже в акции по этой цене: ничего не отправлено',
    'promotions.result.notIn': 'не участвует в акции: ничего не отправлено',
    'promotions.result.notCandidate': 'Ozon больше не предлагает этот товар для акции',
    'promotions.result.belowCost':
      'не добавлен: по этой цене убыток {profit} на единицу. Напишите «да» в «Confirm below cost», чтобы всё равно добавить.',
    'promotions.result.costUnknown':
      'не добавлен: прибыль по этой цене неизвестна (нет себестоимости на листе Costs или курса её валюты). Укажите их или напишите «да» в «Confirm below cost».',
    'promotions.result.badPrice': 'цена участия не положительная сумма',
    'promotions.result.unknownChoice': '«{value}» — это не «Участвовать» и не «Выйти»',
    'promotions.result.actionGone': 'Ozon больше не предлагает эту акцию',
    'promotions.result.rejected': 'Ozon отказал: {reason}',
    'promotions.result.noAnswer': 'Ozon ничего не сообщил об этом товаре',
    'promotions.result.failed': 'не выполнено: {reason}',
    'promotions.result.confirmedAfterLoss': '{what} (ответ Ozon потерялся; проверено по акции)',
    'promotions.result.notDoneAfterLoss':
      'не выполнено (ответ Ozon потерялся; в акции изменений нет). Примените ещё раз, чтобы повторить.',
    'promotions.result.unknown':
      'неизвестно: ответ Ozon потерялся, а акцию прочитать не удалось. Обновите акции, прежде чем применять снова.',
  },
  zh: {
    'menu.refreshPromotions': '刷新促销活动',
    'menu.applyPromotions': '应用促销选择',
    'requests.open': '待处理的折扣申请：{count} 个（见 Discount requests）。',
    'requests.status.new': '待处理',
    'requests.status.approved': '已批准',
    'requests.status.declined': '已拒绝',
    'requests.result.approved': '已在 Ozon 批准',
    'requests.result.declined': '已在 Ozon 拒绝',
    'requests.result.notOpen': '申请已不再待处理（当前：{status}）：未发送任何请求',
    'requests.result.unknownChoice': '“{value}”既不是“批准”也不是“拒绝”',
    'requests.result.belowCost':
      '未批准：按此价格每件亏损 {profit}。如仍要批准，请在 Confirm below cost 列填写“是”。',
    'requests.result.costUnknown':
      '未批准：此价格下的利润未知（Costs 表中没有成本价，或缺少汇率）。请填写，或在 Confirm below cost 列填写“是”。',
    'requests.summary':
      '折扣申请：批准 {approved} 个，拒绝 {declined} 个，本地拒绝 {refused} 个，未完成 {failed} 个。',
    'promotions.locked': '另一个任务正在更新此表格。请一分钟后重试。',
    'promotions.failed': '无法更新促销活动：{reason}',
    'promotions.refreshed':
      '促销活动已刷新：{actions} 个活动，其中 {inAction} 个商品参加，{candidates} 个候选商品。标记“参加”或“退出”，然后选择“应用促销选择”。',
    'promotions.applied':
      '促销选择已应用：参加 {joined} 个，退出 {left} 个，已是所选状态 {unchanged} 个，本地拒绝 {refused} 个，未完成 {failed} 个（见 Result 列）。',
    'promotions.nothingMarked': 'Promotions 和 Discount requests 表中没有已标记的行。',
    'promotions.state.in': '已参加',
    'promotions.state.candidate': '候选',
    'promotions.basis.sales': '您的销售',
    'promotions.basis.listed': 'Ozon 公布费率（FBS）',
    'promotions.basis.none': '未知',
    'promotions.result.joined': '已以 {price} 参加',
    'promotions.result.left': '已退出活动',
    'promotions.result.already': '已以此价格参加活动：未发送任何请求',
    'promotions.result.notIn': '未参加该活动：未发送任何请求',
    'promotions.result.notCandidate': 'Ozon 不再为该活动提供此商品',
    'promotions.result.belowCost':
      '未参加：按此价格每件亏损 {profit}。如仍要参加，请在 Confirm below cost 列填写“是”。',
    'promotions.result.costUnknown':
      '未参加：此价格下的利润未知（Costs 表中没有成本价，或缺少其币种汇率）。请填写，或在 Confirm below cost 列填写“是”。',
    'promotions.result.badPrice': '参加价格不是正数金额',
    'promotions.result.unknownChoice': '“{value}”既不是“参加”也不是“退出”',
    'promotions.result.actionGone': 'Ozon 不再提供该活动',
    'promotions.result.rejected': 'Ozon 拒绝：{reason}',
    'promotions.result.noAnswer': 'Ozon 未报告此商品的结果',
    'promotions.result.failed': '未完成：{reason}',
    'promotions.result.confirmedAfterLoss': '{what}（Ozon 的回复丢失；已在活动中核实）',
    'promotions.result.notDoneAfterLoss': '未完成（Ozon 的回复丢失；活动中没有变化）。再次应用即可重试。',
    'promotions.result.unknown': '未知：Ozon 的回复丢失且无法读取活动。请先刷新促销活动再应用。',
  },
};
