"""Plain functions of the referral conversation (no Rasa import): patient fields, search window,
slot cards, choice of a slot among the offered ones, the message to the practitioner."""
