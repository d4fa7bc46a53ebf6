package no.krr.person;

import java.util.Optional;

/**
 * Who made a change, as the audit trail records it: a citizen through the user API (with the
 * token's {@code client_id}, consumer organisation, {@code acr} and {@code jti}), or a job (its
 * execution, and who started it: the admin's {@code sub} and {@code client_id}, or the schedule).
 */
public record Actor(String kind, Optional<String> clientId, Optional<String> consumerOrgno, Optional<String> acr,
                    Optional<String> jti, Optional<Long> jobExecutionId, Optional<String> startedBy) {

    public static final String CITIZEN = "citizen";

    public static Actor citizen(Optional<String> clientId, Optional<String> consumerOrgno, Optional<String> acr,
                                Optional<String> jti) {
        return new Actor(CITIZEN, clientId, consumerOrgno, acr, jti, Optional.empty(), Optional.empty());
    }

    public static Actor job(String jobName, long executionId, Optional<String> startedBy) {
        return new Actor(jobName, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(executionId), startedBy);
    }
}
