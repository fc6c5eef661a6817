// What the seller reads when Ozon refuses or fails: each message says what to do about it.
export const ozon = {
  en: {
    'ozon.error.auth':
      'Ozon did not accept the API key ({detail}). Open Settings and check the Client-Id and API key; if they are right, create a new key in the Ozon seller account (Settings → API keys).',
    'ozon.error.deactivated':
      'This API key has been deactivated by Ozon. Create a new key in the Ozon seller account (Settings → API keys) and save it in Settings.',
    'ozon.error.role':
      'The API key is not allowed to call {method}. In the Ozon seller account (Settings → API keys) give the key the role it needs, for example “Admin” or “Posting FBS”, or create a new key with that role.',
    'ozon.error.ip':
      'The API key only works from certain IP addresses. Google Sheets calls Ozon from changing Google addresses, so remove the IP restriction from the key in the Ozon seller account (Settings → API keys).',
    'ozon.error.offer':
      'Ozon refuses requests until you accept the offer (the seller agreement). Accept it in the Ozon seller account, then try again.',
    'ozon.error.subscription':
      'Ozon refused {method}: this feature needs an Ozon Premium Plus or Premium Pro subscription ({detail}).',
    'ozon.error.validation': 'Ozon rejected the request to {method}: {detail}',
    'ozon.error.notFound': 'Ozon did not find what {method} asked for: {detail}',
    'ozon.error.rateLimit':
      'Ozon is limiting how often we can call {method} right now. Nothing is lost: try again in a few minutes.',
    'ozon.error.unavailable':
      'Ozon is not answering {method} properly right now ({detail}). Nothing is lost: try again in a few minutes.',
    'ozon.error.network':
      'Could not reach Ozon for {method} ({detail}). Check that Ozon is reachable and try again in a few minutes.',
    'ozon.error.schema':
      'Ozon answered {method} with an unexpected shape at {path}: {detail}. Ozon may have changed its API; please report this to the add-on support.',
    'ozon.error.http': 'Ozon answered {method} with HTTP {status}: {detail}',
  },
  ru: {
    'ozon.error.auth':
      'Ozon не принял API-ключ ({detail}). Откройте «Настройки» и проверьте Client-Id и API-ключ; если они верны, создайте новый ключ в личном кабинете продавца Ozon (Настройки → API-ключи).',
    'ozon.error.deactivated':
      'Ozon деактивировал этот API-ключ. Создайте новый ключ в личном кабинете продавца Ozon (Настройки → API-ключи) и сохраните его в «Настройках».',
    'ozon.error.role':
      'У API-ключа нет доступа к методу {method}. В личном кабинете продавца Ozon (Настройки → API-ключи) добавьте ключу нужную роль, например «Администратор» (Admin) или «Posting FBS», или создайте новый ключ с этой ролью.',
    'ozon.error.ip':
      'API-ключ работает только с определённых IP-адресов. Google Таблицы обращаются к Ozon с меняющихся адресов Google, поэтому снимите ограничение по IP для ключа в личном кабинете Ozon (Настройки → API-ключи).',
    'ozon.error.offer':
      'Ozon не выполняет запросы, пока вы не примете оферту. Примите её в личном кабинете продавца Ozon и повторите попытку.',
    'ozon.error.subscription':
      'Ozon отклонил {method}: для этой функции нужна подписка Ozon Premium Plus или Premium Pro ({detail}).',
    'ozon.error.validation': 'Ozon отклонил запрос к {method}: {detail}',
    'ozon.error.notFound': 'Ozon не нашёл запрошенное в {method}: {detail}',
    'ozon.error.rateLimit':
      'Ozon сейчас ограничивает частоту запросов к {method}. Данные не потеряны: повторите через несколько минут.',
    'ozon.error.unavailable':
      'Ozon сейчас не отвечает нормально на {method} ({detail}). Данные не потеряны: повторите через несколько минут.',
    'ozon.error.network':
      'Не удалось связаться с Ozon для {method} ({detail}). Проверьте доступность Ozon и повторите через несколько минут.',
    'ozon.error.schema':
      'Ozon ответил на {method} в неожиданном формате в поле {path}: {detail}. Возможно, Ozon изменил API; сообщите об этом в поддержку дополнения.',
    'ozon.error.http': 'Ozon ответил на {method} с кодом HTTP {status}: {detail}',
  },
  zh: {
    'ozon.error.auth':
      'Ozon 未接受该 API 密钥（{detail}）。请打开“设置”检查 Client-Id 和 API 密钥；如果无误，请在 Ozon 卖家后台（设置 → API 密钥）创建新密钥。',
    'ozon.error.deactivated':
      '该 API 密钥已被 Ozon 停用。请在 Ozon 卖家后台（设置 → API 密钥）创建新密钥，并在“设置”中保存。',
    'ozon.error.role':
      'API 密钥无权调用 {method}。请在 Ozon 卖家后台（设置 → API 密钥）为密钥添加所需角色，例如 “Admin” 或 “Posting FBS”，或创建具有该角色的新密钥。',
    'ozon.error.ip':
      'API 密钥仅允许特定 IP 地址使用。Google 表格从不断变化的 Google 地址访问 Ozon，请在 Ozon 卖家后台（设置 → API 密钥）取消该密钥的 IP 限制。',
    'ozon.error.offer':
      '在您接受卖家协议（оферта）之前，Ozon 拒绝处理请求。请在 Ozon 卖家后台接受协议后重试。',
    'ozon.error.subscription':
      'Ozon 拒绝了 {method}：此功能需要 Ozon Premium Plus 或 Premium Pro 订阅（{detail}）。',
    'ozon.error.validation': 'Ozon 拒绝了对 {method} 的请求：{detail}',
    'ozon.error.notFound': 'Ozon 未找到 {method} 请求的对象：{detail}',
    'ozon.error.rateLimit': 'Ozon 当前限制了对 {method} 的调用频率。数据不会丢失：请几分钟后重试。',
    'ozon.error.unavailable': 'Ozon 当前无法正常响应 {method}（{detail}）。数据不会丢失：请几分钟后重试。',
    'ozon.error.network': '无法连接 Ozon 调用 {method}（{detail}）。请确认 Ozon 可访问，并在几分钟后重试。',
    'ozon.error.schema':
      'Ozon 对 {method} 的响应在 {path} 处格式异常：{detail}。Ozon 可能更改了 API，请将此问题报告给插件支持。',
    'ozon.error.http': 'Ozon 对 {method} 返回了 HTTP {status}：{detail}',
  },
} as const;
