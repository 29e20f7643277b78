package io.settlehub.connector.support;

import io.settlehub.contract.MessageHeaders;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** The message kept on hub.connectors.unmapped: the partner's record as it came, with the reason and, for one field, its name. */
public final class UnmappedRecordMessage implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        UnmappedRecord record = message.getMandatoryBody(UnmappedRecord.class);
        message.setHeader(MessageHeaders.SOURCE, record.source());
        message.setHeader("clientId", record.clientId());
        message.setHeader(MessageHeaders.FAILURE_REASON, record.reason());
        message.setHeader(MessageHeaders.DUPLICATE_ID, record.recordId());
        if (record.field() != null) {
            message.setHeader(MessageHeaders.UNMAPPED_FIELD, record.field());
            message.setHeader(MessageHeaders.UNMAPPED_AMOUNT, record.amount());
        }
        message.setBody(record.json());
    }
}
