package org.yike.lib.sip;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.SipListener;
import javax.sip.TransactionTerminatedEvent;

import org.slf4j.LoggerFactory;

/**
 * What both GB/T 28181 roles do with the stack's bookkeeping events: transactions and dialogs end by
 * themselves (a call ends by its BYE, either way), and a peer out of reach is a debug line, the
 * retries and keepalives tell the rest.
 */
public abstract class SipListenerBase implements SipListener {

    @Override
    public void processIOException(IOExceptionEvent event) {
        LoggerFactory.getLogger(getClass()).debug("GB/T 28181: cannot reach {}:{} over {}", event.getHost(), event.getPort(),
                event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // transactions end by themselves
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // calls end by BYE, either way
    }
}
