package no.krr.security;

import static no.krr.security.FieldGroup.DIGITAL_POST;
import static no.krr.security.FieldGroup.KONTAKTINFORMASJON;
import static no.krr.security.FieldGroup.SERTIFIKAT;
import static no.krr.security.FieldGroup.SPRAAK;
import static no.krr.security.FieldGroup.VARSLINGSSTATUS;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which field groups the scopes of an access token unlock (docs/register.md §3). ID-porten tokens carry
 * no groups claim, so this mapping is the whole authorisation model of the read API.
 */
public final class ScopeFieldGroups {

    private static final Map<String, Set<FieldGroup>> CURRENT = Map.of(
            Scopes.KONTAKTINFORMASJON_READ, EnumSet.of(KONTAKTINFORMASJON, VARSLINGSSTATUS, SPRAAK),
            Scopes.DIGITALPOST_READ, EnumSet.of(DIGITAL_POST, SERTIFIKAT));

    // our rule: each older scope unlocks exactly one group, so an old client gets no more than
    // it asked for under the old model
    private static final Map<String, Set<FieldGroup>> LEGACY = Map.of(
            Scopes.LEGACY_KONTAKTINFORMASJON_READ, EnumSet.of(KONTAKTINFORMASJON),
            Scopes.LEGACY_VARSLINGSSTATUS_READ, EnumSet.of(VARSLINGSSTATUS),
            Scopes.LEGACY_SPRAAK_READ, EnumSet.of(SPRAAK),
            Scopes.LEGACY_SIKKERDIGITALPOST_READ, EnumSet.of(DIGITAL_POST),
            Scopes.LEGACY_SERTIFIKAT_READ, EnumSet.of(SERTIFIKAT));

    /** Every scope that unlocks some read access, current and legacy (e.g. for @RolesAllowed lists). */
    public static final Set<String> READ_SCOPES = Set.copyOf(
            Stream.concat(CURRENT.keySet().stream(), LEGACY.keySet().stream()).toList());

    /** The scopes that allow PATCH of spraak, current and legacy. */
    public static final Set<String> WRITE_SCOPES = Set.of(Scopes.SPRAAK_WRITE, Scopes.LEGACY_SPRAAK_WRITE);

    private ScopeFieldGroups() {
    }

    /** The union of the groups the given scopes unlock; unknown scopes unlock nothing. */
    public static Set<FieldGroup> groupsFor(Collection<String> scopes, boolean legacyEnabled) {
        EnumSet<FieldGroup> groups = EnumSet.noneOf(FieldGroup.class);
        for (String scope : scopes) {
            groups.addAll(CURRENT.getOrDefault(scope, Set.of()));
            if (legacyEnabled) {
                groups.addAll(LEGACY.getOrDefault(scope, Set.of()));
            }
        }
        return Collections.unmodifiableSet(groups);
    }

    /**
     * The scopes of a space-separated {@code scope} claim. Tolerates runs of whitespace and a
     * missing claim (null or blank gives no scopes), because a token without scopes must be
     * refused by the scope check, not crash it.
     */
    public static Set<String> scopesOf(String scopeClaim) {
        if (scopeClaim == null || scopeClaim.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(scopeClaim.strip().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the scopes allow PATCH of spraak. */
    public static boolean canWriteSpraak(Collection<String> scopes, boolean legacyEnabled) {
        return scopes.contains(Scopes.SPRAAK_WRITE) || (legacyEnabled && scopes.contains(Scopes.LEGACY_SPRAAK_WRITE));
    }

    /** Whether the scopes unlock at least one field group; a token that unlocks none gets 403. */
    public static boolean canRead(Collection<String> scopes, boolean legacyEnabled) {
        return !groupsFor(scopes, legacyEnabled).isEmpty();
    }
}
