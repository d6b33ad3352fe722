"""Slots from every agenda software that speaks the SAS FHIR contract (issue 13): the sources and their
credentials (config), the practitioner directory the radius search runs on (directory), one source's Slot search
read and checked (fhir_slots), and the merged, ranked offer the actions show (federated). See README.md here."""
