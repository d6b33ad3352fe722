"""FrAppointmentSAS notices, both ways: the agenda sends one after each booking or cancellation (outbox, sender), and
receives them at /fhir/Appointment as SAS does (received), so that the whole loop runs here."""
