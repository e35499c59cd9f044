package nrw.komman.kernel.volunteer;

public enum VolunteerStatus { ACTIVE, INACTIVE }
