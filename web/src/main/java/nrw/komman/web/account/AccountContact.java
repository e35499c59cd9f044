package nrw.komman.web.account;

/**
 * Where and how an account is told of notices (issue 19): its e-mail address (null: no e-mail, the inbox only) and
 * the language of its texts, {@code de} or {@code en}.
 */
public record AccountContact(String email, String language) {

    public static final String GERMAN = "de";
    public static final String ENGLISH = "en";

    /** An account that set nothing: no e-mail, German. */
    public static final AccountContact NONE = new AccountContact(null, GERMAN);
}
