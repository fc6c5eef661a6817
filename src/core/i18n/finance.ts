// Seller-facing text of the finance run, the Costs tab's statuses and the profit notes.
export const finance = {
  en: {
    'menu.updateFinance': 'Update finance',
    'finance.started': 'Updating Ozon fees and payouts…',
    'finance.done':
      'Finance updated: {rows} accrual rows added or changed, profit of {lines} order lines recomputed.',
    'finance.doneNone': 'Finance is up to date: no new accruals.',
    'finance.partial': 'Finance partly updated ({postings} postings read). It continues on the next run.',
    'finance.locked': 'Another job is updating this spreadsheet. Try again in a minute.',
    'finance.failed': 'Finance could not be updated: {reason}',
    'finance.role':
      'Your Ozon API key lacks the "Finance" role, which Ozon needs for fees and payouts ({method}). Add the role to the key in the Ozon seller account (Settings → API keys); orders and everything else keep working.',
    'finance.costMissing': 'cost missing',
    'finance.costMissingSuggest': 'cost missing — Ozon net price {price} {currency}',
    'finance.rateMissing': 'exchange rate missing',
    'finance.noAccruals': 'no accruals yet',
    'finance.costUnreadable': 'cost not a number: {offers}',
    'finance.costOk': 'ok',
    'finance.costsNeeded': '{count} offers have no cost price yet (see Costs).',
    'finance.ratesNeeded': 'Exchange rates missing for {list} (see Exchange rates).',
  },
  ru: {
    'menu.updateFinance': 'Обновить финансы',
    'finance.started': 'Обновляю комиссии и выплаты Ozon…',
    'finance.done':
      'Финансы обновлены: строк начислений добавлено или изменено — {rows}, прибыль пересчитана для {lines} строк заказов.',
    'finance.doneNone': 'Финансы актуальны: новых начислений нет.',
    'finance.partial':
      'Финансы обновлены частично (прочитано отправлений: {postings}). Продолжу при следующем запуске.',
    'finance.locked': 'Таблицу сейчас обновляет другая задача. Повторите через минуту.',
    'finance.failed': 'Не удалось обновить финансы: {reason}',
    'finance.role':
      'У API-ключа Ozon нет роли «Финансы», без неё Ozon не отдаёт комиссии и выплаты ({method}). Добавьте роль ключу в личном кабинете продавца (Настройки → API-ключи); заказы и всё остальное работают как прежде.',
    'finance.costMissing': 'нет себестоимости',
    'finance.costMissingSuggest': 'нет себестоимости — цена Ozon net {price} {currency}',
    'finance.rateMissing': 'нет курса валюты',
    'finance.noAccruals': 'начислений ещё нет',
    'finance.costUnreadable': 'себестоимость не число: {offers}',
    'finance.costOk': 'ок',
    'finance.costsNeeded': 'У {count} товаров не указана себестоимость (см. «Costs»).',
    'finance.ratesNeeded': 'Нет курсов валют: {list} (см. «Exchange rates»).',
  },
  zh: {
    'menu.updateFinance': '更新财务',
    'finance.started': '正在更新 Ozon 费用和回款…',
    'finance.done': '财务已更新：新增或变更 {rows} 行费用记录，重新计算了 {lines} 行订单利润。',
    'finance.doneNone': '财务已是最新：没有新的费用记录。',
    'finance.partial': '财务部分更新（已读取 {postings} 个货件），下次运行时继续。',
    'finance.locked': '另一个任务正在更新此表格，请一分钟后重试。',
    'finance.failed': '无法更新财务：{reason}',
    'finance.role':
      '您的 Ozon API 密钥缺少“财务”(Finance) 角色，Ozon 需要该角色才能提供费用和回款（{method}）。请在 Ozon 卖家后台（设置 → API 密钥）为密钥添加该角色；订单及其他功能不受影响。',
    'finance.costMissing': '缺少成本',
    'finance.costMissingSuggest': '缺少成本 — Ozon 净价 {price} {currency}',
    'finance.rateMissing': '缺少汇率',
    'finance.noAccruals': '尚无费用记录',
    'finance.costUnreadable': '成本不是数字：{offers}',
    'finance.costOk': '正常',
    'finance.costsNeeded': '{count} 个商品尚未填写成本价（见 Costs）。',
    'finance.ratesNeeded': '缺少汇率：{list}（见 Exchange rates）。',
  },
};
