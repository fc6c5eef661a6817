// The live window and the archive spreadsheets: Settings, the menu, run results and faults.
export const archive = {
  en: {
    'archiveSettings.backend': 'Older finished postings go to',
    'archiveSettings.backend.sheets': 'Archive spreadsheets (one a year, no setup)',
    'archiveSettings.backend.bigquery': 'BigQuery only (the project and dataset under BigQuery history)',
    'archiveSettings.bigqueryReports':
      'With BigQuery as the archive, the reports cover the postings still in the Orders tabs (the live window) and months already in archive spreadsheets; older months are in BigQuery: see them in the Connected Sheets pivot (menu: Load history into BigQuery).',
    'error.archive.backend':
      'To archive into BigQuery, first name a Google Cloud project and dataset under BigQuery history and save them.',
    'archive.doneBigQuery':
      '{moved} finished {moved|posting|postings} ordered more than {days} {days|day|days} ago moved to BigQuery ({months}): a query confirmed BigQuery holds every row of them before they left the Orders tabs.',
    'archive.bigqueryOff':
      'Nothing was moved: archiving into BigQuery needs a Google Cloud project and dataset. Name them under BigQuery history in Settings, or choose archive spreadsheets.',
    'menu.archiveOld': 'Archive old orders',
    'error.archive.liveDays': 'Choose how many days the Orders tabs keep: a whole number from 45 to 730.',
    'archiveSettings.title': 'Archive',
    'archiveSettings.liveDays': 'Orders and Order lines keep the last … days (and every open posting)',
    'archiveSettings.includeInReports': 'Reports include archived months',
    'archiveSettings.reportMonths': 'Archived months in reports: the last … (this month included)',
    'error.archive.reportMonths':
      'Choose how many months back reports read the archive: a whole number from 1 to 60.',
    'archiveSettings.saved': 'Archive settings saved.',
    'archiveSettings.runNow': 'Archive old orders now',
    'archiveSettings.none': 'Nothing has been archived yet.',
    'archiveSettings.volume': '{year}: {orders} {orders|order|orders} in {months} {months|month|months}',
    'archiveSettings.missing': 'Months missing from the archive:',
    'archiveSettings.pending': 'A move to the archive is part-way through; the next run continues it.',
    'archive.budget':
      'Orders and Order lines keep only the last {days} {days|day|days} this time: with more they would pass 2.5 million cells and slow the spreadsheet down.',
    'archive.started': 'Moving old finished orders to the archive…',
    'archive.done':
      '{moved} finished {moved|posting|postings} ordered more than {days} {days|day|days} ago moved to the archive ({months}).',
    'archive.nothing':
      'Nothing to archive: Orders holds only the last {days} {days|day|days} and open postings.',
    'archive.partial':
      '{moved} {moved|posting|postings} moved to the archive so far; the rest continues on the next run.',
    'archive.locked':
      'A sync or a move is running for this spreadsheet. Wait for it to finish, then try again.',
    'archive.failed':
      'The move to the archive stopped: {reason}. Nothing was lost: every posting is still in Orders or in the archive.',
    'archive.missing':
      'Archived months missing: {months} ({orders} {orders|order|orders}). The archive spreadsheet “{name}” cannot be opened (deleted, or no longer shared with you). If it is in the Google Drive trash, restore it; the add-on finds it again on the next run.',
    'archive.tabMissing':
      'Archived months missing: {months} ({orders} {orders|order|orders}): their tabs are gone from the archive spreadsheet “{name}”.',
    'archive.recreated':
      'A new archive spreadsheet “{name}” was created for {year}; months still in Orders go there. Missing months come back from Ozon on the next syncs where Ozon still has them (your own columns of those months cannot be recovered).',
    'archive.refilled':
      '{count} {count|posting|postings} of missing archived months read again from Ozon into the archive.',
    'archive.lateUpdate':
      '{count} archived {count|posting|postings} changed on Ozon and {count|was|were} updated in the archive.',
    'archive.state.ok': 'ok',
    'archive.state.lost': 'cannot be opened (deleted?)',
    'archive.state.tabs': 'tabs missing: {months}',
    'archive.title': 'Ozon orders archive {year}',
    'archive.titlePart': 'Ozon orders archive {year} ({part})',
    'archive.sourceNote': 'Archive of {name}: postings moved out of Orders and Order lines by the add-on.',
  },
  ru: {
    'archiveSettings.backend': 'Старые завершённые отправления переносятся в',
    'archiveSettings.backend.sheets': 'Архивные таблицы (по одной на год, без настройки)',
    'archiveSettings.backend.bigquery':
      'Только BigQuery (проект и набор данных в разделе «История в BigQuery»)',
    'archiveSettings.bigqueryReports':
      'Когда архив — BigQuery, отчёты охватывают отправления, которые ещё во вкладках заказов (последние дни), и месяцы, уже лежащие в архивных таблицах; более старые месяцы — в BigQuery: смотрите их в сводной таблице Connected Sheets (меню: «Загрузить историю в BigQuery»).',
    'error.archive.backend':
      'Чтобы переносить архив в BigQuery, сначала укажите проект Google Cloud и набор данных в разделе «История в BigQuery» и сохраните их.',
    'archive.doneBigQuery':
      'В BigQuery перенесено {moved} {moved|завершённое отправление|завершённых отправления|завершённых отправлений}, заказанных более {days} {days|дня|дней|дней} назад ({months}): запрос подтвердил, что BigQuery хранит все их строки, прежде чем они покинули вкладки заказов.',
    'archive.bigqueryOff':
      'Ничего не перенесено: для архива в BigQuery нужны проект Google Cloud и набор данных. Укажите их в настройках, в разделе «История в BigQuery», или выберите архивные таблицы.',
    'menu.archiveOld': 'Перенести старые заказы в архив',
    'error.archive.liveDays':
      'Укажите, за сколько дней вкладки «Orders» и «Order lines» хранят отправления: целое число от 45 до 730.',
    'archiveSettings.title': 'Архив',
    'archiveSettings.liveDays':
      'Вкладки «Orders» и «Order lines» хранят последние … дней (и все незавершённые отправления)',
    'archiveSettings.includeInReports': 'Отчёты учитывают архивные месяцы',
    'archiveSettings.reportMonths': 'Архивные месяцы в отчётах: последние … (включая текущий)',
    'error.archive.reportMonths':
      'Укажите, за сколько последних месяцев отчёты читают архив: целое число от 1 до 60.',
    'archiveSettings.saved': 'Настройки архива сохранены.',
    'archiveSettings.runNow': 'Перенести старые заказы сейчас',
    'archiveSettings.none': 'В архиве пока ничего нет.',
    'archiveSettings.volume': '{year}: заказов — {orders}, месяцев — {months}',
    'archiveSettings.missing': 'Месяцы, которых нет в архиве:',
    'archiveSettings.pending': 'Перенос в архив выполнен частично; следующий запуск его продолжит.',
    'archive.budget':
      'Вкладки «Orders» и «Order lines» на этот раз хранят только последние {days} {days|день|дня|дней}: иначе в них было бы больше 2,5 млн ячеек и таблица стала бы медленной.',
    'archive.started': 'Переносим старые завершённые заказы в архив…',
    'archive.done':
      'В архив перенесено {moved} {moved|завершённое отправление|завершённых отправления|завершённых отправлений}, заказанных более {days} {days|дня|дней|дней} назад ({months}).',
    'archive.nothing':
      'Переносить нечего: во вкладке «Orders» только последние {days} {days|день|дня|дней} и незавершённые отправления.',
    'archive.partial':
      'В архив перенесено {moved} {moved|отправление|отправления|отправлений}; остальное продолжится при следующем запуске.',
    'archive.locked':
      'Для этой таблицы уже идёт загрузка или перенос. Дождитесь окончания и попробуйте снова.',
    'archive.failed':
      'Перенос в архив остановлен: {reason}. Ничего не потеряно: каждое отправление есть во вкладке «Orders» или в архиве.',
    'archive.missing':
      'Не хватает архивных месяцев: {months} ({orders} {orders|заказ|заказа|заказов}). Архивную таблицу «{name}» не удаётся открыть (удалена или больше не доступна вам). Если она в корзине Google Диска, восстановите её — надстройка найдёт её при следующем запуске.',
    'archive.tabMissing':
      'Не хватает архивных месяцев: {months} ({orders} {orders|заказ|заказа|заказов}): их вкладки удалены из архивной таблицы «{name}».',
    'archive.recreated':
      'Создана новая архивная таблица «{name}» за {year} год; месяцы, которые ещё во вкладке «Orders», переносятся туда. Недостающие месяцы вернутся из Ozon при следующих загрузках, если Ozon их ещё хранит (ваши собственные столбцы этих месяцев восстановить нельзя).',
    'archive.refilled':
      'Из Ozon заново прочитано в архив {count} {count|отправление|отправления|отправлений} недостающих месяцев.',
    'archive.lateUpdate':
      '{count} {count|архивное отправление изменилось|архивных отправления изменились|архивных отправлений изменились} в Ozon и {count|обновлено|обновлены|обновлены} в архиве.',
    'archive.state.ok': 'в порядке',
    'archive.state.lost': 'не открывается (удалена?)',
    'archive.state.tabs': 'нет вкладок: {months}',
    'archive.title': 'Архив заказов Ozon {year}',
    'archive.titlePart': 'Архив заказов Ozon {year} ({part})',
    'archive.sourceNote':
      'Архив таблицы {name}: отправления, перенесённые надстройкой из вкладок «Orders» и «Order lines».',
  },
  zh: {
    'archiveSettings.backend': '已完成的旧订单移至',
    'archiveSettings.backend.sheets': '归档表格（每年一个，无需设置）',
    'archiveSettings.backend.bigquery': '仅 BigQuery（在“BigQuery 历史”中填写项目和数据集）',
    'archiveSettings.bigqueryReports':
      '以 BigQuery 作为归档时，报表只包含仍在订单标签页中的订单（实时窗口）以及已在归档表格中的月份；更早的月份在 BigQuery 中：请在 Connected Sheets 数据透视表中查看（菜单：将历史加载到 BigQuery）。',
    'error.archive.backend':
      '要归档到 BigQuery，请先在“BigQuery 历史”中填写 Google Cloud 项目和数据集并保存。',
    'archive.doneBigQuery':
      '已将 {moved} 个下单超过 {days} 天的已完成订单移至 BigQuery（{months}）：在它们离开订单标签页之前，查询已确认 BigQuery 保存了它们的每一行。',
    'archive.bigqueryOff':
      '未移动任何内容：归档到 BigQuery 需要 Google Cloud 项目和数据集。请在设置的“BigQuery 历史”中填写，或选择归档表格。',
    'menu.archiveOld': '归档旧订单',
    'error.archive.liveDays': '请选择“Orders”和“Order lines”标签页保留多少天：45 到 730 之间的整数。',
    'archiveSettings.title': '归档',
    'archiveSettings.liveDays': '“Orders”和“Order lines”标签页保留最近 … 天（以及所有未完成的订单）',
    'archiveSettings.includeInReports': '报表包含已归档的月份',
    'archiveSettings.reportMonths': '报表包含的归档月份：最近 … 个月（含本月）',
    'error.archive.reportMonths': '请选择报表读取最近多少个月的归档：1 到 60 之间的整数。',
    'archiveSettings.saved': '归档设置已保存。',
    'archiveSettings.runNow': '立即归档旧订单',
    'archiveSettings.none': '尚未归档任何内容。',
    'archiveSettings.volume': '{year}：{months} 个月共 {orders} 个订单',
    'archiveSettings.missing': '归档中缺少的月份：',
    'archiveSettings.pending': '归档进行到一半；下次运行会继续。',
    'archive.budget':
      '“Orders”和“Order lines”标签页这次只保留最近 {days} 天：否则会超过 250 万个单元格，表格会变慢。',
    'archive.started': '正在将已完成的旧订单移至归档…',
    'archive.done': '已将 {moved} 个下单超过 {days} 天的已完成订单移至归档（{months}）。',
    'archive.nothing': '无需归档：“Orders”标签页只有最近 {days} 天的订单和未完成的订单。',
    'archive.partial': '已将 {moved} 个订单移至归档；其余部分在下次运行时继续。',
    'archive.locked': '此表格正在同步或归档。请等待完成后再试。',
    'archive.failed': '归档已停止：{reason}。没有丢失任何内容：每个订单都仍在“Orders”标签页或归档中。',
    'archive.missing':
      '缺少已归档的月份：{months}（{orders} 个订单）。无法打开归档表格“{name}”（已删除，或不再与您共享）。如果它在 Google 云端硬盘的回收站中，请将其恢复；下次运行时插件会重新找到它。',
    'archive.tabMissing':
      '缺少已归档的月份：{months}（{orders} 个订单）：它们的标签页已从归档表格“{name}”中删除。',
    'archive.recreated':
      '已为 {year} 年新建归档表格“{name}”；仍在“Orders”标签页中的月份会移到那里。缺少的月份会在之后的同步中从 Ozon 重新读取（如果 Ozon 仍保存它们）；这些月份中您自己的列无法恢复。',
    'archive.refilled': '已从 Ozon 重新读取缺失月份的 {count} 个订单到归档。',
    'archive.lateUpdate': '{count} 个已归档订单在 Ozon 上有变化，已在归档中更新。',
    'archive.state.ok': '正常',
    'archive.state.lost': '无法打开（已删除？）',
    'archive.state.tabs': '缺少标签页：{months}',
    'archive.title': 'Ozon 订单归档 {year}',
    'archive.titlePart': 'Ozon 订单归档 {year}（{part}）',
    'archive.sourceNote': '{name} 的归档：插件从“Orders”和“Order lines”标签页移出的订单。',
  },
};
