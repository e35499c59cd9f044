package nrw.komman.kernel.grant;

/** The parts of KOMM-AN NRW a grant can be applied for (docs/domain.md, "The field"). */
public enum ProgrammePart {
    PART_I("Teil I – Stärkung der Kommunalen Integrationszentren"),
    PART_II_A("Teil II A – Ankommenstreffpunkte"),
    PART_II_B("Teil II B – Zusammenkommen, Orientierung, Begleitung"),
    PART_II_C("Teil II C – Information und Gewinnung neuer Ehrenamtlicher"),
    PART_II_D("Teil II D – Qualifizierung und Unterstützung Ehrenamtlicher"),
    PART_III("Teil III – Integrationsagenturen der Wohlfahrtsverbände");

    private final String germanName;

    ProgrammePart(String germanName) {
        this.germanName = germanName;
    }

    public String germanName() {
        return germanName;
    }
}
