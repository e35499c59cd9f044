package nrw.komman.web.platform;

/** German Bean Validation messages for request fields ({@code {max}} and {@code {value}} are filled in). */
public final class Messages {

    public static final String REQUIRED = "fehlt";
    public static final String TOO_LONG = "darf höchstens {max} Zeichen lang sein";
    public static final String TOO_MANY = "darf höchstens {max} Einträge haben";
    public static final String AT_LEAST = "muss mindestens {value} sein";
    public static final String AT_MOST = "darf höchstens {value} sein";

    private Messages() {
    }
}
