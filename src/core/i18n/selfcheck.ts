// The self-check ("Check this spreadsheet") and the support report in Settings.
export const selfcheck = {
  en: {
    'menu.selfCheck': 'Check this spreadsheet',
    'selfcheck.title': 'Check this spreadsheet',
    'selfcheck.intro':
      'A short test of what the add-on needs from Google and Ozon on this spreadsheet. It writes into a temporary tab and removes it, and it schedules one run a minute ahead that removes itself. It changes none of your data.',
    'selfcheck.run': 'Run the check',
    'selfcheck.refresh': 'Refresh',
    'selfcheck.running': 'Checking… (up to a minute)',
    'selfcheck.none': 'This spreadsheet has not been checked yet.',
    'selfcheck.takenAt': 'Checked {date} (add-on {version}).',
    'selfcheck.verdict.ok': 'Everything the add-on needs works on this spreadsheet.',
    'selfcheck.verdict.problems': 'Some things the add-on needs do not work. What to do:',
    'selfcheck.verdict.wait':
      'Almost done: the scheduled run has not happened yet. Press Refresh in a minute or two.',
    'selfcheck.report': 'Report for the developers (no key, no Client-Id, no buyer data)',
    'selfcheck.copy': 'Copy report',
    'selfcheck.copied': 'Copied.',
    'selfcheck.copyFailed': 'Could not copy: select the text and copy it yourself.',
    'selfcheck.clock.wait': 'Scheduled run: waiting for it (planned for {time}).',
    'selfcheck.clock.waitHourly':
      'Scheduled run: the next hourly auto-sync records what it sees (planned by {time}). Refresh after it.',
    'selfcheck.clock.ok': 'Scheduled runs work: they see their spreadsheet.',
    'selfcheck.clock.noDocument':
      'Scheduled runs have no open spreadsheet here: the add-on finds it from its trigger, and auto-sync works.',
    'selfcheck.clock.lost':
      'Scheduled runs cannot tell which spreadsheet they belong to: auto-sync cannot work here. Sync from the menu, and send the report to support.',
    'selfcheck.clock.failed':
      'The scheduled test run could not be set up ({detail}). Auto-sync may not work: send the report to support.',
    'selfcheck.clock.late':
      'The scheduled test run has not happened after {minutes} {minutes|minute|minutes}. Google may be holding scheduled runs for this account: run the check again later, and send the report to support if it stays so.',
    'selfcheck.triggers.ok':
      'Triggers: {document} in this spreadsheet, {project} for your account in all spreadsheets.',
    'selfcheck.triggers.many':
      'Your account has {project} of the 20 triggers Google allows for this add-on. Turn auto-sync off in spreadsheets you no longer use.',
    'selfcheck.triggers.failed': 'Triggers could not be listed ({detail}). Auto-sync may not work.',
    'selfcheck.writes.ok': 'Writing {cells} {cells|cell|cells} took {seconds} s.',
    'selfcheck.writes.slow':
      'Writing is slow here ({seconds} s for {cells} {cells|cell|cells}): the first sync of a big shop will take several runs. Nothing is lost, it continues by itself.',
    'selfcheck.writes.skipped':
      'The write of {cells} {cells|cell|cells} was skipped to keep the check under a minute (the smaller ones were slow).',
    'selfcheck.writes.failed':
      'Writing {cells} {cells|cell|cells} failed ({detail}). If the spreadsheet is close to Google’s 10 million cells, delete unused tabs or columns.',
    'selfcheck.fetch.ok': 'Ozon answered in {seconds} s.',
    'selfcheck.fetch.slow':
      'Ozon answers slowly from Google’s servers ({seconds} s): syncs will take longer, nothing else changes.',
    'selfcheck.fetch.skipped':
      'Ozon was not tested: save your Client-Id and API key in Settings, then run the check again.',
    'selfcheck.fetch.refused':
      'Ozon refused the saved key (HTTP {status}). Check the Client-Id and API key in Settings.',
    'selfcheck.fetch.failed': 'Ozon could not be reached from Google’s servers ({detail}). Try again later.',
    'selfcheck.mapping.ok':
      '{postings} {postings|order is|orders are} prepared for the sheet in {seconds} s.',
    'selfcheck.mapping.slow':
      'Preparing orders is slow here ({seconds} s for {postings}): big syncs continue over several runs.',
    'selfcheck.mapping.failed': 'Preparing orders failed ({detail}): send the report to support.',
    'support.title': 'Support report',
    'support.hint':
      'What support needs to help you: versions, permissions, the layout of your tabs, the last sync log rows. Keys, Client-Id, phones, e-mails, addresses and names are masked.',
    'support.copy': 'Copy support report',
    'support.copied': 'The support report is copied: paste it into your message to support.',
  },
  ru: {
    'menu.selfCheck': 'Проверить эту таблицу',
    'selfcheck.title': 'Проверка таблицы',
    'selfcheck.intro':
      'Короткая проверка того, что нужно надстройке от Google и Ozon в этой таблице. Она пишет во временный лист и удаляет его, а также ставит один запуск через минуту, который удаляет себя сам. Ваши данные не меняются.',
    'selfcheck.run': 'Запустить проверку',
    'selfcheck.refresh': 'Обновить',
    'selfcheck.running': 'Проверяем… (до минуты)',
    'selfcheck.none': 'Эту таблицу ещё не проверяли.',
    'selfcheck.takenAt': 'Проверено {date} (надстройка {version}).',
    'selfcheck.verdict.ok': 'Всё, что нужно надстройке, в этой таблице работает.',
    'selfcheck.verdict.problems': 'Кое-что из нужного надстройке не работает. Что делать:',
    'selfcheck.verdict.wait':
      'Почти готово: запланированный запуск ещё не прошёл. Нажмите «Обновить» через минуту-другую.',
    'selfcheck.report': 'Отчёт для разработчиков (без ключа, Client-Id и данных покупателей)',
    'selfcheck.copy': 'Скопировать отчёт',
    'selfcheck.copied': 'Скопировано.',
    'selfcheck.copyFailed': 'Не удалось скопировать: выделите текст и скопируйте его сами.',
    'selfcheck.clock.wait': 'Запуск по расписанию: ждём его (запланирован на {time}).',
    'selfcheck.clock.waitHourly':
      'Запуск по расписанию: ближайшая ежечасная автозагрузка запишет, что она видит (до {time}). Обновите после неё.',
    'selfcheck.clock.ok': 'Запуски по расписанию работают: они видят свою таблицу.',
    'selfcheck.clock.noDocument':
      'У запусков по расписанию нет открытой таблицы: надстройка находит её по триггеру, автозагрузка работает.',
    'selfcheck.clock.lost':
      'Запуски по расписанию не знают, к какой таблице они относятся: автозагрузка здесь работать не сможет. Загружайте из меню и отправьте отчёт в поддержку.',
    'selfcheck.clock.failed':
      'Не удалось поставить пробный запуск по расписанию ({detail}). Автозагрузка может не работать: отправьте отчёт в поддержку.',
    'selfcheck.clock.late':
      'Пробный запуск по расписанию не прошёл за {minutes} мин. Возможно, Google задерживает запуски для этого аккаунта: повторите проверку позже и отправьте отчёт в поддержку, если так и останется.',
    'selfcheck.triggers.ok':
      'Триггеры: {document} в этой таблице, {project} у вашего аккаунта во всех таблицах.',
    'selfcheck.triggers.many':
      'У вашего аккаунта {project} из 20 триггеров, которые Google разрешает этой надстройке. Выключите автозагрузку в таблицах, которыми больше не пользуетесь.',
    'selfcheck.triggers.failed':
      'Не удалось получить список триггеров ({detail}). Автозагрузка может не работать.',
    'selfcheck.writes.ok': 'Запись {cells} {cells|ячейки|ячеек|ячеек} заняла {seconds} с.',
    'selfcheck.writes.slow':
      'Запись здесь медленная ({seconds} с на {cells} {cells|ячейку|ячейки|ячеек}): первая загрузка большого магазина займёт несколько запусков. Ничего не теряется, она продолжится сама.',
    'selfcheck.writes.skipped':
      'Запись {cells} {cells|ячейки|ячеек|ячеек} пропущена, чтобы проверка уложилась в минуту (меньшие записи шли медленно).',
    'selfcheck.writes.failed':
      'Запись {cells} {cells|ячейки|ячеек|ячеек} не удалась ({detail}). Если в таблице около 10 миллионов ячеек (предел Google), удалите ненужные листы или столбцы.',
    'selfcheck.fetch.ok': 'Ozon ответил за {seconds} с.',
    'selfcheck.fetch.slow':
      'Ozon отвечает серверам Google медленно ({seconds} с): загрузки будут дольше, больше ничего не меняется.',
    'selfcheck.fetch.skipped':
      'Ozon не проверялся: сохраните Client-Id и API-ключ в настройках и запустите проверку снова.',
    'selfcheck.fetch.refused':
      'Ozon отклонил сохранённый ключ (HTTP {status}). Проверьте Client-Id и API-ключ в настройках.',
    'selfcheck.fetch.failed': 'Серверы Google не смогли связаться с Ozon ({detail}). Попробуйте позже.',
    'selfcheck.mapping.ok':
      '{postings} {postings|заказ готовится|заказа готовятся|заказов готовятся} для таблицы за {seconds} с.',
    'selfcheck.mapping.slow':
      'Подготовка заказов здесь медленная ({seconds} с на {postings}): большие загрузки продолжаются за несколько запусков.',
    'selfcheck.mapping.failed': 'Подготовка заказов не удалась ({detail}): отправьте отчёт в поддержку.',
    'support.title': 'Отчёт для поддержки',
    'support.hint':
      'То, что нужно поддержке, чтобы помочь: версии, разрешения, устройство ваших листов, последние строки журнала загрузок. Ключи, Client-Id, телефоны, адреса почты, адреса доставки и имена скрыты.',
    'support.copy': 'Скопировать отчёт для поддержки',
    'support.copied': 'Отчёт для поддержки скопирован: вставьте его в письмо в поддержку.',
  },
  zh: {
    'menu.selfCheck': '检查此表格',
    'selfcheck.title': '检查此表格',
    'selfcheck.intro':
      '简短测试本插件在此表格中需要的 Google 与 Ozon 功能。它会写入一个临时工作表并随后删除，并安排一次一分钟后的运行（运行后自行删除）。不会改动您的数据。',
    'selfcheck.run': '开始检查',
    'selfcheck.refresh': '刷新',
    'selfcheck.running': '正在检查…（最多一分钟）',
    'selfcheck.none': '此表格尚未检查过。',
    'selfcheck.takenAt': '检查于 {date}（插件 {version}）。',
    'selfcheck.verdict.ok': '插件所需的一切在此表格中均正常。',
    'selfcheck.verdict.problems': '插件所需的部分功能无法正常工作。处理方法：',
    'selfcheck.verdict.wait': '即将完成：定时运行尚未发生。请一两分钟后点击“刷新”。',
    'selfcheck.report': '给开发者的报告（不含密钥、Client-Id 和买家数据）',
    'selfcheck.copy': '复制报告',
    'selfcheck.copied': '已复制。',
    'selfcheck.copyFailed': '无法复制：请选中文本后自行复制。',
    'selfcheck.clock.wait': '定时运行：等待中（计划于 {time}）。',
    'selfcheck.clock.waitHourly':
      '定时运行：下一次每小时自动同步将记录它看到的情况（{time} 之前）。之后请刷新。',
    'selfcheck.clock.ok': '定时运行正常：能看到所属表格。',
    'selfcheck.clock.noDocument': '定时运行时没有打开的表格：插件通过触发器找到表格，自动同步正常。',
    'selfcheck.clock.lost':
      '定时运行无法确定所属表格：此处自动同步无法工作。请从菜单同步，并将报告发送给支持团队。',
    'selfcheck.clock.failed':
      '无法设置定时测试运行（{detail}）。自动同步可能无法工作：请将报告发送给支持团队。',
    'selfcheck.clock.late':
      '定时测试运行 {minutes} 分钟后仍未发生。Google 可能暂停了此账号的定时运行：请稍后再检查，若仍如此请将报告发送给支持团队。',
    'selfcheck.triggers.ok': '触发器：此表格 {document} 个，您的账号在所有表格中共 {project} 个。',
    'selfcheck.triggers.many':
      '您的账号已有 {project} 个触发器（Google 允许此插件最多 20 个）。请在不再使用的表格中关闭自动同步。',
    'selfcheck.triggers.failed': '无法列出触发器（{detail}）。自动同步可能无法工作。',
    'selfcheck.writes.ok': '写入 {cells} 个单元格用时 {seconds} 秒。',
    'selfcheck.writes.slow':
      '此处写入较慢（{cells} 个单元格 {seconds} 秒）：大店铺的首次同步需要多次运行。数据不会丢失，会自动继续。',
    'selfcheck.writes.skipped': '为使检查在一分钟内完成，跳过了 {cells} 个单元格的写入（较小的写入已较慢）。',
    'selfcheck.writes.failed':
      '写入 {cells} 个单元格失败（{detail}）。如果表格接近 Google 的 1000 万单元格上限，请删除不用的工作表或列。',
    'selfcheck.fetch.ok': 'Ozon 在 {seconds} 秒内响应。',
    'selfcheck.fetch.slow': 'Ozon 对 Google 服务器响应较慢（{seconds} 秒）：同步会更久，其他不受影响。',
    'selfcheck.fetch.skipped': '未测试 Ozon：请在设置中保存 Client-Id 和 API 密钥，然后重新检查。',
    'selfcheck.fetch.refused':
      'Ozon 拒绝了已保存的密钥（HTTP {status}）。请在设置中检查 Client-Id 和 API 密钥。',
    'selfcheck.fetch.failed': 'Google 服务器无法连接 Ozon（{detail}）。请稍后再试。',
    'selfcheck.mapping.ok': '{postings} 个订单在 {seconds} 秒内准备好写入表格。',
    'selfcheck.mapping.slow': '此处订单准备较慢（{postings} 个 {seconds} 秒）：大型同步会分多次运行完成。',
    'selfcheck.mapping.failed': '订单准备失败（{detail}）：请将报告发送给支持团队。',
    'support.title': '支持报告',
    'support.hint':
      '支持团队帮助您所需的信息：版本、权限、工作表结构、最近的同步日志。密钥、Client-Id、电话、电子邮件、地址和姓名均已隐藏。',
    'support.copy': '复制支持报告',
    'support.copied': '支持报告已复制：请粘贴到发给支持团队的消息中。',
  },
};
