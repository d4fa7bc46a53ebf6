package no.krr.person;

import static no.krr.person.Varslingsstatus.KAN_IKKE_VARSLES;
import static no.krr.person.Varslingsstatus.KAN_VARSLES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VarslingRuleTest {

    private static final NationalId ID = new NationalId("11822648950");
    // 2026-03-15 12:00 in Oslo (CET, +01:00); 18 months back is 2024-09-15 12:00 CEST (+02:00)
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-15T12:00:00+01:00");
    private static final OffsetDateTime EIGHTEEN_MONTHS_AGO = OffsetDateTime.parse("2024-09-15T12:00:00+02:00");

    private static VarslingRule ruleAt(OffsetDateTime now) {
        // the clock's own zone is UTC on purpose: the rule must use Oslo regardless
        return new VarslingRule(Clock.fixed(now.toInstant(), ZoneOffset.UTC));
    }

    private static Person aktiv() {
        Person p = new Person(ID);
        p.status(Status.AKTIV);
        p.reservasjon(JaNei.NEI);
        p.varslingsstatus(KAN_VARSLES);
        return p;
    }

    private static Person withEpost(OffsetDateTime oppdatert) {
        Person p = aktiv();
        p.epostadresse("ola@example.no");
        p.epostadresseOppdatert(oppdatert);
        return p;
    }

    @Test
    void cutoffIsEighteenCalendarMonthsInOslo() {
        assertEquals(EIGHTEEN_MONTHS_AGO.toInstant(), ruleAt(NOW).freshnessCutoff());
    }

    @Test
    void exactlyEighteenMonthsOldIsStale() {
        VarslingRule rule = ruleAt(NOW);
        Person p = withEpost(EIGHTEEN_MONTHS_AGO);
        assertFalse(rule.epostFresh(p));
        assertEquals(KAN_IKKE_VARSLES, rule.evaluate(p));
        assertEquals(KAN_IKKE_VARSLES, rule.served(p));
    }

    @Test
    void oneSecondYoungerIsFresh() {
        VarslingRule rule = ruleAt(NOW);
        Person p = withEpost(EIGHTEEN_MONTHS_AGO.plusSeconds(1));
        assertTrue(rule.epostFresh(p));
        assertEquals(KAN_VARSLES, rule.evaluate(p));
        assertEquals(KAN_VARSLES, rule.served(p));
    }

    @Test
    void theSameDataGoesStaleByTimeAlone() {
        Person p = withEpost(EIGHTEEN_MONTHS_AGO.plusSeconds(1));
        assertEquals(KAN_VARSLES, ruleAt(NOW).served(p));
        assertEquals(KAN_IKKE_VARSLES, ruleAt(NOW.plusSeconds(1)).served(p));
    }

    @Test
    void oneFreshChannelIsEnough() {
        Person p = withEpost(EIGHTEEN_MONTHS_AGO.minusDays(30)); // stale e-mail
        p.mobiltelefonnummer("+4799999999");
        p.mobiltelefonnummerOppdatert(NOW.minusDays(1));
        VarslingRule rule = ruleAt(NOW);
        assertFalse(rule.epostFresh(p));
        assertTrue(rule.mobilFresh(p));
        assertEquals(KAN_VARSLES, rule.evaluate(p));
    }

    @Test
    void sistVerifisertKeepsAChannelFreshWhenOppdatertIsOld() {
        Person p = withEpost(NOW.minusYears(5));
        p.epostadresseSistVerifisert(NOW.minusMonths(2));
        assertEquals(KAN_VARSLES, ruleAt(NOW).evaluate(p));
    }

    @Test
    void sistValidertDoesNotCount() {
        Person p = withEpost(NOW.minusYears(5));
        p.epostadresseSistValidert(NOW.minusDays(1));
        assertEquals(KAN_IKKE_VARSLES, ruleAt(NOW).evaluate(p));
    }

    @Test
    void aChannelWithoutAddressIsNotFresh() {
        Person p = aktiv();
        p.epostadresseOppdatert(NOW.minusDays(1));
        p.mobiltelefonnummer(" ");
        p.mobiltelefonnummerOppdatert(NOW.minusDays(1));
        assertEquals(KAN_IKKE_VARSLES, ruleAt(NOW).evaluate(p));
    }

    @Test
    void noTimestampsMeansStale() {
        Person p = aktiv();
        p.epostadresse("ola@example.no");
        assertEquals(KAN_IKKE_VARSLES, ruleAt(NOW).evaluate(p));
    }

    @Test
    void reservedCannotBeNotified() {
        Person p = withEpost(NOW.minusDays(1));
        p.reservasjon(JaNei.JA);
        assertEquals(KAN_IKKE_VARSLES, ruleAt(NOW).evaluate(p));
        assertEquals(KAN_IKKE_VARSLES, ruleAt(NOW).served(p));
    }

    @Test
    void absentReservasjonIsNotTakenAsNei() {
        Person p = withEpost(NOW.minusDays(1));
        p.reservasjon(null);
        assertEquals(KAN_IKKE_VARSLES, ruleAt(NOW).evaluate(p));
    }

    @Test
    void slettetAndIkkeRegistrertCannotBeNotified() {
        for (Status status : new Status[] {Status.SLETTET, Status.IKKE_REGISTRERT}) {
            Person p = withEpost(NOW.minusDays(1));
            p.status(status);
            assertEquals(KAN_IKKE_VARSLES, ruleAt(NOW).evaluate(p), status.name());
            assertEquals(KAN_IKKE_VARSLES, ruleAt(NOW).served(p), status.name());
        }
    }

    @Test
    void theRuleNeverRaisesAStoredKanIkkeVarsles() {
        Person p = withEpost(NOW.minusDays(1));
        p.varslingsstatus(KAN_IKKE_VARSLES);
        assertEquals(KAN_VARSLES, ruleAt(NOW).evaluate(p));
        assertEquals(KAN_IKKE_VARSLES, ruleAt(NOW).served(p));
    }

    @Test
    void absentStoredStatusIsServedAsKanIkkeVarsles() {
        Person p = withEpost(NOW.minusDays(1));
        p.varslingsstatus(null);
        assertEquals(KAN_IKKE_VARSLES, ruleAt(NOW).served(p));
    }

    @Test
    void endOfMonthClampsToTheLastDayOfFebruary() {
        OffsetDateTime now = OffsetDateTime.parse("2026-08-31T12:00:00+02:00");
        VarslingRule rule = ruleAt(now);
        assertEquals(OffsetDateTime.parse("2025-02-28T12:00:00+01:00").toInstant(), rule.freshnessCutoff());
        assertFalse(rule.epostFresh(withEpost(OffsetDateTime.parse("2025-02-28T12:00:00+01:00"))));
        assertTrue(rule.epostFresh(withEpost(OffsetDateTime.parse("2025-02-28T12:00:01+01:00"))));
    }

    @Test
    void monthsAreCountedOnTheOsloCalendarAcrossDst() {
        // now is summer time (+02:00), 18 months back is winter time (+01:00): the cutoff is
        // 11:00Z, not the 10:00Z a naive UTC subtraction would give
        OffsetDateTime now = OffsetDateTime.parse("2026-04-29T12:00:00+02:00");
        VarslingRule rule = ruleAt(now);
        assertEquals(Instant.parse("2024-10-29T11:00:00Z"), rule.freshnessCutoff());
        assertFalse(rule.epostFresh(withEpost(OffsetDateTime.parse("2024-10-29T10:30:00Z"))));
        assertTrue(rule.epostFresh(withEpost(OffsetDateTime.parse("2024-10-29T11:00:01Z"))));
    }

    @Test
    void justAfterMidnightInOsloCountsAsTheOsloDate() {
        // 00:30 on 1 March in Oslo is still 28 February in UTC
        OffsetDateTime now = OffsetDateTime.parse("2026-03-01T00:30:00+01:00");
        assertEquals(OffsetDateTime.parse("2024-09-01T00:30:00+02:00").toInstant(), ruleAt(now).freshnessCutoff());
    }

    @Test
    void cutoffInsideTheSpringForwardGapMovesLater() {
        // 02:30 on 30 March 2025 does not exist in Oslo; java.time moves it to 03:30 +02:00
        OffsetDateTime now = OffsetDateTime.parse("2026-09-30T02:30:00+02:00");
        assertEquals(OffsetDateTime.parse("2025-03-30T03:30:00+02:00").toInstant(), ruleAt(now).freshnessCutoff());
    }
}
