package no.krr.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.batch.runtime.BatchStatus;
import no.krr.web.BoundedBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded input of an import: lines over 64 KiB, uploads over krr.import.max-bytes, and which files the sweep deletes. */
class NdjsonScannerTest {

    @TempDir
    Path dataDir;

    static List<NdjsonScanner.Line> lines(String text) throws IOException {
        List<NdjsonScanner.Line> lines = new ArrayList<>();
        try (NdjsonScanner scanner = new NdjsonScanner(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            NdjsonScanner.Line line;
            while ((line = scanner.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    static long counted(String text) {
        NdjsonScanner.Counter counter = new NdjsonScanner.Counter();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // in pieces of 3 bytes, so a \r\n may fall across two
        for (int i = 0; i < bytes.length; i += 3) {
            byte[] piece = java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 3));
            counter.accept(piece, piece.length);
        }
        return counter.linesWithContent();
    }

    @Test
    void linesEndAtNewlineCrLfOrCrAndBlankLinesHaveNoContent() throws IOException {
        String text = "a\nb\r\nc\rd\n \t\n\næø";
        List<NdjsonScanner.Line> lines = lines(text);
        assertEquals(List.of("a", "b", "c", "d", " \t", "", "æø"), lines.stream().map(NdjsonScanner.Line::text).toList());
        assertEquals(List.of(true, true, true, true, false, false, true), lines.stream().map(NdjsonScanner.Line::content).toList());
        assertEquals(5, counted(text), "the store counts the lines with content by the same rules");
    }

    @Test
    void aLineOverSixtyFourKibIsHandedOutWithoutItsText() throws IOException {
        String longLine = "{\"x\":\"" + "a".repeat(NdjsonScanner.MAX_LINE_BYTES) + "\"}";
        List<NdjsonScanner.Line> lines = lines("{}\n" + longLine + "\n{\"y\":1}\n");
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).tooLong());
        assertNull(lines.get(1).text());
        assertTrue(lines.get(1).content());
        assertEquals("{\"y\":1}", lines.get(2).text(), "the line after a long one is read whole");
        assertEquals("line longer than 65536 bytes", NdjsonScanner.TOO_LONG);
    }

    @Test
    void aLineOfExactlySixtyFourKibIsKept() throws IOException {
        String line = "a".repeat(NdjsonScanner.MAX_LINE_BYTES);
        assertFalse(lines(line + "\n").get(0).tooLong());
        assertTrue(lines(line + "a\n").get(0).tooLong());
    }

    @Test
    void theReaderNeverHoldsAHugeLine() throws IOException {
        // 200 MiB in one line, generated: read in bounded memory
        long size = 200L << 20;
        InputStream huge = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : (left == -1 ? '\n' : -1);
            }
        };
        try (NdjsonScanner scanner = new NdjsonScanner(huge)) {
            assertTrue(scanner.next().tooLong());
            assertNull(scanner.next());
        }
    }

    ImportFiles files(long maxBytes) {
        ImportFiles files = new ImportFiles();
        files.dataDir = dataDir.toString();
        files.maxBytes = maxBytes;
        files.retention = "P7D";
        return files;
    }

    @Test
    void anUploadUpToTheLimitIsStoredWithItsLinesCounted() throws Exception {
        ImportFiles files = files(10);
        ImportFiles.Stored stored = files.store(new ByteArrayInputStream("{}\n\n{}\r\n{}".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(3, stored.lines());
        assertEquals("{}\n\n{}\r\n{}", Files.readString(stored.path()));
    }

    @Test
    void anUploadOverTheLimitLeavesNoFile() throws IOException {
        ImportFiles files = files(1000);
        BoundedBody.TooLarge e = assertThrows(BoundedBody.TooLarge.class,
                () -> files.store(new ByteArrayInputStream(new byte[200_000])));
        assertEquals(1000, e.limit());
        try (var left = Files.list(files.directory())) {
            assertEquals(0, left.count(), "no partial file under imports");
        }
    }

    @Test
    void theRetentionIsAnIsoDuration() {
        assertEquals(Duration.ofDays(7), files(0).retention());
    }

    static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);

    @Test
    void aCompletedOrAbandonedImportsFileGoesAtOnce() {
        assertTrue(ImportFileSweep.shouldDelete(Optional.of(BatchStatus.COMPLETED), NOW, NOW, WEEK));
        assertTrue(ImportFileSweep.shouldDelete(Optional.of(BatchStatus.ABANDONED), NOW, NOW, WEEK));
    }

    @Test
    void aFailedOrStoppedImportsFileIsKeptForTheRetentionForARestart() {
        for (BatchStatus status : List.of(BatchStatus.FAILED, BatchStatus.STOPPED)) {
            assertFalse(ImportFileSweep.shouldDelete(Optional.of(status), NOW.minus(Duration.ofDays(6)), NOW, WEEK), status.name());
            assertTrue(ImportFileSweep.shouldDelete(Optional.of(status), NOW.minus(Duration.ofDays(8)), NOW, WEEK), status.name());
        }
    }

    @Test
    void aRunningImportKeepsItsFile() {
        for (BatchStatus status : List.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING)) {
            assertFalse(ImportFileSweep.shouldDelete(Optional.of(status), null, NOW, WEEK), status.name());
        }
    }

    @Test
    void anUploadNoJobReadsGoesAfterTheRetention() {
        assertFalse(ImportFileSweep.shouldDelete(Optional.empty(), NOW.minusSeconds(5), NOW, WEEK), "perhaps being stored now");
        assertTrue(ImportFileSweep.shouldDelete(Optional.empty(), NOW.minus(Duration.ofDays(8)), NOW, WEEK));
    }

    @Test
    void theListenerDeletesAfterAJobThatRanToItsEndOnly() {
        assertTrue(ImportFileCleanup.ranToItsEnd(BatchStatus.COMPLETED));
        assertTrue(ImportFileCleanup.ranToItsEnd(BatchStatus.STARTED), "Payara's status while afterJob runs");
        assertFalse(ImportFileCleanup.ranToItsEnd(BatchStatus.FAILED));
        assertFalse(ImportFileCleanup.ranToItsEnd(BatchStatus.STOPPED));
        assertFalse(ImportFileCleanup.ranToItsEnd(BatchStatus.STOPPING));
    }
}
