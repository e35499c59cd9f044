package nrw.komman.query.common;

/**
 * A projection that takes part in rebuilds without downtime (ADR 11, 17): it declares the tables it
 * writes and makes a copy of itself that writes another generation of them. A rebuild creates that
 * generation, lets the copies replay the whole history into it while the live projections keep
 * answering, and swaps it in. A processing group is rebuilt when every projection in it is one of these.
 *
 * <p>The rules a projection follows, and why:
 * <ol>
 *   <li><b>It declares its tables</b> in one {@link TableNames#of} (lower case, as the migrations spell
 *       them) and returns them from {@link #tables()}. It alone writes them, and it writes no other
 *       table: the rebuild copies and swaps exactly these.</li>
 *   <li><b>Its SQL names those tables through {@link TableNames#sql}</b>, each in braces:
 *       {@code jdbc.update(tables.sql("update {centre_view} set name = :name where centre_id = :id"), p)}.
 *       A table spelled without braces stays the live one in the copy, so the copy would write the
 *       tables that answer queries. Statements are text constants; values go in as parameters.</li>
 *   <li><b>It reads only its own tables</b> (through braces as well). What it needs of another read
 *       model it keeps in a table of its own, as {@code GrantProjection} keeps the centres' names in
 *       {@code grant_centre}: during a rebuild another projection's tables are of another generation.</li>
 *   <li><b>{@link #copyOver} builds a new instance</b> with the same collaborators (JDBC template, vault,
 *       ...) and the given tables, and shares no state with the live one beyond them: anything a
 *       projection keeps per batch ({@link PerBatch}) belongs to its instance. Spring builds the live
 *       instance with the public constructor (marked {@code @Autowired}, since the copy's constructor
 *       is a second one).</li>
 *   <li><b>Its JDBC access is Spring's</b> ({@code JdbcTemplate}, {@code NamedParameterJdbcTemplate}) on
 *       the application's data source, so its rows commit in the processor's transaction together
 *       with the token, in the live processor and in the rebuild's alike.</li>
 *   <li><b>It is replay-safe</b>: a {@code @ResetHandler} empties its tables, and an event handled
 *       twice changes nothing.</li>
 *   <li><b>Migrations of its tables name no index or constraint</b>: a rebuild creates the new
 *       generation from the current tables' structure and renames it into place, names included. A
 *       migration that needs a name drops and recreates the table and deletes its processor's tokens.</li>
 *   <li><b>Tests</b>: add it to {@code ReadSide} (the replays of {@code ReplayTest}) and to
 *       {@code ProjectionCopiesTest}, which checks that its copy fills its generation and leaves the
 *       live tables alone.</li>
 * </ol>
 */
public interface RebuildableProjection {

    /** The tables this instance writes: the current ones for the live projection, a generation for a copy. */
    TableNames tables();

    /**
     * A new instance of this projection, with the same collaborators, that reads and writes
     * {@code generation} (the same tables as {@link #tables()}, in another generation) instead.
     */
    RebuildableProjection copyOver(TableNames generation);
}
