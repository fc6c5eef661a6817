// What the add-on put right in the sheet by itself, said in the Sync log: columns of its own the
// seller deleted, postings whose rows were deleted, rows that moved under a write.
export const repairs = {
  en: {
    'repair.columns':
      'Put back the add-on’s {count|column|columns} {columns} in “{tab}” (deleted from the sheet) and refilled {count|it|them} from Ozon.',
    'repair.rows':
      '{count} {count|posting|postings} whose {count|row was|rows were} deleted from “{tab}” came back from Ozon.',
    'repair.moved':
      '{count} {count|row|rows} of “{tab}” moved while the add-on wrote (rows sorted, inserted or deleted): rewritten where {count|it is|they are} now.',
  },
  ru: {
    'repair.columns':
      'Восстановлены удалённые {count|столбец|столбца|столбцов} надстройки {columns} на листе «{tab}» и заново заполнены из Ozon.',
    'repair.rows':
      'Из Ozon {count|вернулось|вернулись|вернулись} {count} {count|отправление|отправления|отправлений}, чьи строки были удалены с листа «{tab}».',
    'repair.moved':
      '{count} {count|строка|строки|строк} листа «{tab}» {count|сместилась|сместились|сместились} во время записи (сортировка, вставка или удаление строк): {count|записана|записаны|записаны} заново на новом месте.',
  },
  zh: {
    'repair.columns': '已恢复“{tab}”中被删除的插件列 {columns}，并已从 Ozon 重新填写。',
    'repair.rows': '“{tab}”中被删除行的 {count} 个货件已从 Ozon 恢复。',
    'repair.moved': '写入期间“{tab}”中有 {count} 行移动了位置（排序、插入或删除行）：已在新位置重写。',
  },
};
