package cn.certflow.portal;

/**
 * A client account (issue 18): a Camunda identity user in the group {@code clients},
 * belonging to exactly one client (by unified social credit code).
 */
public record ClientAccount(String userId, long clientId, String creditCode, String clientName, String email) {
}
