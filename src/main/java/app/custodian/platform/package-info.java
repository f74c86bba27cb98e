/**
 * What every feature stands on: the JAX-RS application, problem+json errors, the 1 MiB body limit,
 * role checks, paging, readiness, Flyway migrations at start, and the server data source that picks
 * PostgreSQL or the embedded H2 file database; the helpers every feature's Faces screens share
 * ({@code boundary.web}) and text helpers such as the word folding of name search ({@code
 * control.NameWords}).
 */
package app.custodian.platform;
