/**
 * Custodian, one package per feature ({@code customer}, {@code consent}, {@code campaign}...), each
 * with up to three layers:
 *
 * <ul>
 *   <li>{@code boundary}: what the container runs: EJBs and CDI beans that hold transactions, audit
 *       and settings, and the records they answer with. Where a boundary is crowded, its channels
 *       sit apart: {@code boundary.rest} (JAX-RS resources and providers under {@code /api/v1}),
 *       {@code boundary.web} (Faces screens, {@code *Screen}, and public servlet pages) and {@code
 *       boundary.batch} (the readers, processors, writers, batchlets and listeners that {@code
 *       batch-jobs/*.xml} names). What several channels use stays in {@code boundary}.
 *   <li>{@code control}: the rules, in plain Java: no container annotations, no injection; what a
 *       rule needs is passed in, so a unit test calls it directly.
 *   <li>{@code entity}: JPA entities and the enums and values stored with them; they know no
 *       boundary.
 * </ul>
 *
 * <p>A new screen goes to its feature's {@code boundary.web} (its page under {@code
 * src/main/webapp/<folder>/}), a resource to {@code boundary.rest}, a job step to {@code
 * boundary.batch} (a CDI {@code @Named} artifact, named in the job's XML), a rule to {@code
 * control}. The features form layers, lowest first: {@code platform}, {@code audit}, {@code mail},
 * {@code jobs}, {@code security}, {@code customer}, {@code consent}, {@code delivery}, then the
 * features that use them; {@code portal} (home and frame) is on top. An arrow never points up: a
 * lower feature that needs something from higher ones declares an interface or an event, which they
 * implement or observe ({@code customer.boundary.CustomerDataSection}, {@code
 * CustomerDeletionListener}, {@code consent.boundary.PolicyInForce}). {@code ArchitectureTest}
 * checks these rules.
 */
package app.custodian;
