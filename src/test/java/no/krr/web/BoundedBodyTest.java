package no.krr.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void aBodyUpToTheLimitIsRead() throws Exception {
        byte[] body = new byte[BoundedBody.JSON_MAX_BYTES];
        assertArrayEquals(body, BoundedBody.read((long) body.length, new ByteArrayInputStream(body), BoundedBody.JSON_MAX_BYTES));
        assertArrayEquals(body, BoundedBody.read(null, new ByteArrayInputStream(body), BoundedBody.JSON_MAX_BYTES));
    }

    @Test
    void aLargerContentLengthIsRefusedBeforeReading() {
        InputStream unread = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read a body its Content-Length already refused");
            }
        };
        assertThrows(BoundedBody.TooLarge.class, () -> BoundedBody.read(16_385L, unread, 16_384));
    }

    @Test
    void aLargerBodyWithoutLengthIsRefusedAfterOneByteOverTheLimit() {
        byte[] body = new byte[100_000];
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        BoundedBody.TooLarge e = assertThrows(BoundedBody.TooLarge.class, () -> BoundedBody.read(null, in, 16_384));
        assertEquals(100_000 - 16_385, in.available(), "no more than one byte past the limit was read");
        assertEquals(16_384, e.limit());
    }
}
