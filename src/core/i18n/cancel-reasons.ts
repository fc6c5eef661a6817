// Words for Ozon's cancellation reasons, by the id Ozon gives them (/v2/posting/fbs/cancel-reason/list
// answers with Russian titles whatever the seller's language). A reason Ozon adds later keeps
// Ozon's own title until it gets words here. Who asked for a cancellation (`cancellation_initiator`,
// Ozon's enum SELLER, CLIENT, OZON, SYSTEM, DELIVERY; older answers write Client or Customer).
export const cancelReasons = {
  en: {
    'cancelReason.352': 'Out of stock at the seller’s warehouse',
    'cancelReason.400': 'Only defective items left',
    'cancelReason.401': 'Seller declined the arbitration',
    'cancelReason.402': 'Other (seller’s fault)',
    'cancelReason.665': 'The buyer did not pick the order up',
    'cancelReason.666': 'Returned by the delivery service: no delivery to that region',
    'cancelReason.667': 'Lost by the delivery service',
    'cancelInitiator.SELLER': 'You (the seller)',
    'cancelInitiator.CLIENT': 'Buyer',
    'cancelInitiator.OZON': 'Ozon',
    'cancelInitiator.SYSTEM': 'Ozon’s system',
    'cancelInitiator.DELIVERY': 'Delivery service',
  },
  ru: {
    'cancelReason.352': 'Товар закончился на складе продавца',
    'cancelReason.400': 'Остался только бракованный товар',
    'cancelReason.401': 'Продавец отклонил арбитраж',
    'cancelReason.402': 'Другое (вина продавца)',
    'cancelReason.665': 'Покупатель не забрал заказ',
    'cancelReason.666': 'Возврат из службы доставки: нет доставки в указанный регион',
    'cancelReason.667': 'Заказ утерян службой доставки',
    'cancelInitiator.SELLER': 'Вы (продавец)',
    'cancelInitiator.CLIENT': 'Покупатель',
    'cancelInitiator.OZON': 'Ozon',
    'cancelInitiator.SYSTEM': 'Система Ozon',
    'cancelInitiator.DELIVERY': 'Служба доставки',
  },
  zh: {
    'cancelReason.352': '卖家仓库缺货',
    'cancelReason.400': '只剩有瑕疵的商品',
    'cancelReason.401': '卖家拒绝仲裁',
    'cancelReason.402': '其他（卖家原因）',
    'cancelReason.665': '买家未取件',
    'cancelReason.666': '物流退回：不配送到该地区',
    'cancelReason.667': '物流丢失订单',
    'cancelInitiator.SELLER': '您（卖家）',
    'cancelInitiator.CLIENT': '买家',
    'cancelInitiator.OZON': 'Ozon',
    'cancelInitiator.SYSTEM': 'Ozon 系统',
    'cancelInitiator.DELIVERY': '物流服务商',
  },
};

export const CANCEL_INITIATOR_CODES = Object.keys(cancelReasons.en)
  .filter((k) => k.startsWith('cancelInitiator.'))
  .map((k) => k.slice('cancelInitiator.'.length));
