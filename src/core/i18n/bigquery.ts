// BigQuery history: Settings (project, dataset), the load's outcomes and faults, and the Connected Sheets source.
export const bigquery = {
  en: {
    'bigquery.archiveCut':
      'Time ran out before BigQuery confirmed the next old orders: they stay in the Orders tabs, and the next run continues.',
    'menu.loadBigQuery': 'Load history into BigQuery',
    'bigquery.title': 'BigQuery history',
    'bigquery.project': 'Google Cloud project ID',
    'bigquery.dataset': 'BigQuery dataset ID',
    'bigquery.hint':
      'Optional, for shops that outgrow one spreadsheet. The project needs the BigQuery API and a billing account; your account needs BigQuery Data Editor and BigQuery Job User. The add-on’s guide lists the steps and what it costs.',
    'bigquery.loading': 'Loading into BigQuery…',
    'error.bigquery.project':
      'Enter the Google Cloud project ID as the Cloud console shows it: 6–30 lowercase letters, digits or hyphens, starting with a letter (for example ozon-shop-123).',
    'error.bigquery.dataset':
      'Enter the BigQuery dataset ID: letters, digits and underscores only, up to 1,024 characters (for example ozon_history).',
    'bigquery.off': 'BigQuery is not set up: name a Google Cloud project and dataset in Settings.',
    'bigquery.done':
      'BigQuery is up to date: {rows} {rows|row|rows} loaded in {batches} {batches|batch|batches} ({tables}).',
    'bigquery.nothing': 'BigQuery is up to date: nothing changed since the last load.',
    'bigquery.partial':
      'BigQuery load stopped for time after {rows} {rows|row|rows} in {batches} {batches|batch|batches}; the next run continues where it stopped.',
    'bigquery.locked': 'Another BigQuery load is running for this spreadsheet. Try again in a minute.',
    'bigquery.datasetLost':
      'BigQuery dataset {dataset} was not found in project {project} (deleted or renamed). It was the only archive of your old postings: the postings ordered in these months were archived only there and are gone with it: {months}; the add-on holds no other copy. The Orders tabs and your other tabs are intact, and old postings stay in them until BigQuery is back. Create the dataset again in the Cloud console, or correct it in Settings: the next load sends what the tabs hold again.',
    'bigquery.datasetMissing':
      'BigQuery dataset {dataset} was not found in project {project} (deleted or renamed). Create it again in the Cloud console, or correct it in Settings: the next load sends the whole history again, nothing is skipped. Your tabs are unaffected.',
    'bigquery.projectMissing':
      'Google Cloud project {project} was not found, or this account cannot see it. Check the project ID in Settings. Your tabs are unaffected.',
    'bigquery.permission':
      'This account has no permission to load into BigQuery project {project} (it needs the BigQuery Data Editor and BigQuery Job User roles). Loading resumes where it stopped once access is back. Your tabs are unaffected.',
    'bigquery.quota':
      'BigQuery quota reached in project {project}; the load continues with the next run. Your tabs are unaffected.',
    'bigquery.billing':
      'Project {project} has no billing account: BigQuery refuses updates (MERGE) and Connected Sheets in a project without billing. Link a billing account in the Cloud console; loading then resumes where it stopped.',
    'bigquery.jobFailed':
      'A BigQuery job failed ({reason}: {detail}). Nothing was marked as loaded; the next run tries again.',
    'bigquery.failed': 'BigQuery load failed: {detail}. The next run tries again; your tabs are unaffected.',
    'bigquery.connected':
      'Connected Sheets: the “{table}” sheet shows your BigQuery history, with a pivot table (month × status) and a chart.',
    'bigquery.connectedAlready': 'Connected Sheets: the history sheet exists already.',
    'bigquery.connectFailed':
      'Connected Sheets could not show the history ({detail}). Connected Sheets needs a project with billing and the BigQuery API enabled.',
    'bigquery.saved':
      'BigQuery settings saved. The next load sends the whole history to {project}:{dataset}.',
    'bigquery.archiveWaits':
      'Old orders stay in the Orders tabs until BigQuery holds them, so none is ever in neither place. {reason}',
    'bigquery.lateWaits':
      'Changes at Ozon to {count} old {count|posting|postings} wait: BigQuery, where old postings are archived, did not answer ({reason}). They are not added to Orders; the next sync applies them to the BigQuery archive.',
  },
  ru: {
    'bigquery.archiveCut':
      'Время вышло, прежде чем BigQuery подтвердил следующие старые заказы: они остаются во вкладках заказов, следующий запуск продолжит.',
    'menu.loadBigQuery': 'Загрузить историю в BigQuery',
    'bigquery.title': 'История в BigQuery',
    'bigquery.project': 'ID проекта Google Cloud',
    'bigquery.dataset': 'ID набора данных BigQuery',
    'bigquery.hint':
      'Необязательно — для магазинов, которым тесно в одной таблице. Проекту нужны BigQuery API и платёжный аккаунт, вашему аккаунту — роли «Редактор данных BigQuery» и «Пользователь заданий BigQuery». Шаги и стоимость описаны в руководстве дополнения.',
    'bigquery.loading': 'Загрузка в BigQuery…',
    'error.bigquery.project':
      'Введите ID проекта Google Cloud так, как его показывает консоль Cloud: 6–30 строчных латинских букв, цифр или дефисов, начиная с буквы (например, ozon-shop-123).',
    'error.bigquery.dataset':
      'Введите ID набора данных BigQuery: только латинские буквы, цифры и подчёркивания, до 1024 символов (например, ozon_history).',
    'bigquery.off': 'BigQuery не настроен: укажите проект Google Cloud и набор данных в настройках.',
    'bigquery.done':
      'BigQuery в актуальном состоянии: загружено строк — {rows}, пакетов — {batches} ({tables}).',
    'bigquery.nothing': 'BigQuery в актуальном состоянии: с прошлой загрузки ничего не изменилось.',
    'bigquery.partial':
      'Загрузка в BigQuery остановлена по времени: строк — {rows}, пакетов — {batches}; следующий запуск продолжит с этого места.',
    'bigquery.locked': 'Для этой таблицы загрузка в BigQuery уже идёт. Повторите через минуту.',
    'bigquery.datasetLost':
      'Набор данных BigQuery {dataset} не найден в проекте {project} (удалён или переименован). Он был единственным архивом старых отправлений: отправления, заказанные в {months}, хранились только там и пропали вместе с ним; другой копии у дополнения нет. Вкладки заказов и другие ваши листы не затронуты, старые отправления остаются в них, пока BigQuery не вернётся. Создайте набор данных снова в консоли Cloud или исправьте его в настройках: следующая загрузка снова отправит то, что есть в листах.',
    'bigquery.datasetMissing':
      'Набор данных BigQuery {dataset} не найден в проекте {project} (удалён или переименован). Создайте его снова в консоли Cloud или исправьте в настройках: следующая загрузка отправит всю историю заново, ничего не будет пропущено. Ваши листы не затронуты.',
    'bigquery.projectMissing':
      'Проект Google Cloud {project} не найден или недоступен этому аккаунту. Проверьте ID проекта в настройках. Ваши листы не затронуты.',
    'bigquery.permission':
      'У этого аккаунта нет прав на загрузку в проект BigQuery {project} (нужны роли «Редактор данных BigQuery» и «Пользователь заданий BigQuery»). Когда доступ вернут, загрузка продолжится с места остановки. Ваши листы не затронуты.',
    'bigquery.quota':
      'Исчерпана квота BigQuery в проекте {project}; загрузка продолжится при следующем запуске. Ваши листы не затронуты.',
    'bigquery.billing':
      'У проекта {project} нет платёжного аккаунта: без него BigQuery не выполняет обновления (MERGE), а Connected Sheets не работает. Привяжите платёжный аккаунт в консоли Cloud — загрузка продолжится с места остановки.',
    'bigquery.jobFailed':
      'Задание BigQuery завершилось с ошибкой ({reason}: {detail}). Ничего не отмечено как загруженное; следующий запуск повторит попытку.',
    'bigquery.failed':
      'Загрузка в BigQuery не удалась: {detail}. Следующий запуск повторит попытку; ваши листы не затронуты.',
    'bigquery.connected':
      'Connected Sheets: на листе «{table}» — ваша история из BigQuery, со сводной таблицей (месяц × статус) и диаграммой.',
    'bigquery.connectedAlready': 'Connected Sheets: лист с историей уже есть.',
    'bigquery.connectFailed':
      'Connected Sheets не смог показать историю ({detail}). Для Connected Sheets нужен проект с платёжным аккаунтом и включённым BigQuery API.',
    'bigquery.saved':
      'Настройки BigQuery сохранены. Следующая загрузка отправит всю историю в {project}:{dataset}.',
    'bigquery.archiveWaits':
      'Старые заказы остаются во вкладках заказов, пока их нет в BigQuery, чтобы ни один не пропал. {reason}',
    'bigquery.lateWaits':
      'Изменения в Ozon по {count} {count|старому отправлению|старым отправлениям|старым отправлениям} ждут: BigQuery, где хранится архив, не ответил ({reason}). В «Заказы» они не добавлены; следующая синхронизация внесёт их в этот архив.',
  },
  zh: {
    'bigquery.archiveCut':
      '在 BigQuery 确认下一批旧订单之前时间已用完：它们仍留在订单标签页中，下次运行会继续。',
    'menu.loadBigQuery': '将历史数据加载到 BigQuery',
    'bigquery.title': 'BigQuery 历史数据',
    'bigquery.project': 'Google Cloud 项目 ID',
    'bigquery.dataset': 'BigQuery 数据集 ID',
    'bigquery.hint':
      '可选，适用于一个表格已容纳不下的店铺。项目需要启用 BigQuery API 并关联结算账号；您的账号需要“BigQuery 数据编辑者”和“BigQuery 作业用户”角色。步骤和费用见附加组件说明。',
    'bigquery.loading': '正在加载到 BigQuery…',
    'error.bigquery.project':
      '请按 Cloud 控制台显示的格式输入 Google Cloud 项目 ID：6–30 个小写字母、数字或连字符，以字母开头（例如 ozon-shop-123）。',
    'error.bigquery.dataset':
      '请输入 BigQuery 数据集 ID：仅限字母、数字和下划线，最多 1024 个字符（例如 ozon_history）。',
    'bigquery.off': '尚未设置 BigQuery：请在设置中填写 Google Cloud 项目和数据集。',
    'bigquery.done': 'BigQuery 已是最新：分 {batches} 批加载了 {rows} 行（{tables}）。',
    'bigquery.nothing': 'BigQuery 已是最新：自上次加载以来没有变化。',
    'bigquery.partial':
      'BigQuery 加载因时间限制暂停：已分 {batches} 批加载 {rows} 行；下次运行将从中断处继续。',
    'bigquery.locked': '此表格的另一次 BigQuery 加载正在进行。请一分钟后再试。',
    'bigquery.datasetLost':
      '在项目 {project} 中找不到 BigQuery 数据集 {dataset}（已删除或重命名）。它是旧货件的唯一归档：下单于 {months} 的货件只归档在那里，已随数据集一起丢失，插件没有其他副本。订单标签页和您的其他工作表完好无损，在 BigQuery 恢复之前旧订单会留在其中。请在 Cloud 控制台中重新创建数据集，或在设置中更正：下次加载会重新发送工作表中的数据。',
    'bigquery.datasetMissing':
      '在项目 {project} 中找不到 BigQuery 数据集 {dataset}（已删除或重命名）。请在 Cloud 控制台中重新创建，或在设置中更正：下次加载会重新发送全部历史，不会遗漏任何数据。您的工作表不受影响。',
    'bigquery.projectMissing':
      '找不到 Google Cloud 项目 {project}，或此账号无权查看。请检查设置中的项目 ID。您的工作表不受影响。',
    'bigquery.permission':
      '此账号无权向 BigQuery 项目 {project} 加载数据（需要“BigQuery 数据编辑者”和“BigQuery 作业用户”角色）。恢复权限后，加载将从中断处继续。您的工作表不受影响。',
    'bigquery.quota': '项目 {project} 的 BigQuery 配额已用尽；下次运行将继续加载。您的工作表不受影响。',
    'bigquery.billing':
      '项目 {project} 未关联结算账号：没有结算账号时，BigQuery 拒绝更新（MERGE），Connected Sheets 也无法使用。请在 Cloud 控制台中关联结算账号，之后加载将从中断处继续。',
    'bigquery.jobFailed':
      'BigQuery 作业失败（{reason}：{detail}）。没有任何数据被标记为已加载；下次运行会重试。',
    'bigquery.failed': 'BigQuery 加载失败：{detail}。下次运行会重试；您的工作表不受影响。',
    'bigquery.connected':
      'Connected Sheets：“{table}”工作表显示您的 BigQuery 历史数据，并附有数据透视表（月份 × 状态）和图表。',
    'bigquery.connectedAlready': 'Connected Sheets：历史数据工作表已存在。',
    'bigquery.connectFailed':
      'Connected Sheets 无法显示历史数据（{detail}）。Connected Sheets 需要已关联结算账号并启用 BigQuery API 的项目。',
    'bigquery.saved': 'BigQuery 设置已保存。下次加载会将全部历史发送到 {project}:{dataset}。',
    'bigquery.archiveWaits':
      '旧订单会留在订单标签页中，直到 BigQuery 中已有它们，因此不会有任何订单丢失。{reason}',
    'bigquery.lateWaits':
      'Ozon 上 {count} 个旧货件的变更正在等待：存放归档的 BigQuery 未响应（{reason}）。它们不会被加入“订单”；下次同步会在 BigQuery 中更新它们。',
  },
};
