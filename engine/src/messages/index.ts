/** Messages to members: Liquid rendering with member data, receipt lines, and the log support reads. */
export { chooseVariant, renderMessage, renderText } from './render-message';
export { claimReceiptMessages, receiptMessages } from './receipt-messages';
export { messageTemplateData, type MessageEvent } from './template-data';
export { listMemberMessages, ListMemberMessagesInput, type MemberMessage, type MessagesPage } from './list-member-messages';
