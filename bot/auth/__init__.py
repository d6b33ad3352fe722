"""Who is signed in, shared by the agenda (which signs in regulators), Rasa's channel and the clients.

tokens: short-lived signed access tokens · conversations: conversation ids owned by a regulator ·
local_secrets: secrets generated at first run · client: signing in from scripts and tests."""
