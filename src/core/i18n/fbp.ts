// FBP (Ozon's partner warehouses): what the orders sync says when Ozon will not give this key FBP postings.
export const fbp = {
  en: {
    'sync.fbp.role':
      'FBP postings (Ozon partner warehouses) are not synced: the API key has no role for {method}. If you ship through partner warehouses, create a key with the FBP postings role in the seller account and save it in Settings.',
    'sync.fbp.unavailable':
      'FBP postings (Ozon partner warehouses) are not synced: Ozon does not offer {method} to this shop yet. The add-on tries again every sync.',
    'sync.fbp.back': 'FBP postings (Ozon partner warehouses) are synced again.',
  },
  ru: {
    'sync.fbp.role':
      'Отправления FBP (партнёрские склады Ozon) не синхронизируются: у API-ключа нет роли для {method}. Если вы отгружаете через партнёрские склады, создайте в личном кабинете ключ с ролью для отправлений FBP и сохраните его в настройках.',
    'sync.fbp.unavailable':
      'Отправления FBP (партнёрские склады Ozon) не синхронизируются: Ozon пока не открыл этому магазину {method}. Надстройка пробует снова при каждой синхронизации.',
    'sync.fbp.back': 'Отправления FBP (партнёрские склады Ozon) снова синхронизируются.',
  },
  zh: {
    'sync.fbp.role':
      'FBP 订单（Ozon 合作仓）未同步：API 密钥没有 {method} 的权限。如果您通过合作仓发货，请在卖家后台创建带有 FBP 订单权限的密钥，并在设置中保存。',
    'sync.fbp.unavailable':
      'FBP 订单（Ozon 合作仓）未同步：Ozon 尚未向本店开放 {method}。每次同步时会再次尝试。',
    'sync.fbp.back': 'FBP 订单（Ozon 合作仓）已恢复同步。',
  },
};
