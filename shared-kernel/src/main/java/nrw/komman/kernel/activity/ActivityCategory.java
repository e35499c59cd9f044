package nrw.komman.kernel.activity;

/** What volunteers do, as seen in the field (docs/domain.md, "What the platform records"). Also used for areas of interest. */
public enum ActivityCategory {
    LANGUAGE_SUPPORT("Sprachpatenschaft"),
    ACCOMPANIMENT("Begleitung zu Ämtern und Ärzt*innen"),
    EDUCATION("Hausaufgabenhilfe und Bildung"),
    LEISURE_AND_SPORT("Freizeit und Sport"),
    ARRIVAL_MEETING_POINT("Ankommenstreffpunkt / Café"),
    INTERPRETING("Dolmetschen"),
    WORK_AND_TRAINING("Arbeit und Ausbildung"),
    HOUSING_SEARCH("Wohnungssuche"),
    CHILDCARE("Kinderbetreuung"),
    DONATIONS_IN_KIND("Sachspenden"),
    OTHER("Sonstiges");

    private final String germanName;

    ActivityCategory(String germanName) {
        this.germanName = germanName;
    }

    public String germanName() {
        return germanName;
    }
}
