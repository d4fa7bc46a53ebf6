package no.krr.logging;

import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import no.krr.person.NationalId;

/**
 * Wraps a handler's formatter and masks every national id in what it wrote: the message, its
 * parameters, and the messages of a logged exception and its causes all end up in that one text,
 * so masking the text catches the ids a server component quotes (a request URI, a database's
 * {@code Key (id)=(…)}) as well as our own.
 */
public final class MaskingFormatter extends Formatter {

    private final Formatter delegate;

    public MaskingFormatter(Formatter delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The formatter this one wraps, put back when the application stops. */
    public Formatter delegate() {
        return delegate;
    }

    @Override
    public String format(LogRecord record) {
        return NationalId.maskAll(delegate.format(record));
    }

    @Override
    public String formatMessage(LogRecord record) {
        return NationalId.maskAll(delegate.formatMessage(record));
    }

    @Override
    public String getHead(Handler handler) {
        return delegate.getHead(handler);
    }

    @Override
    public String getTail(Handler handler) {
        return delegate.getTail(handler);
    }
}
