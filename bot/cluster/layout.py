"""Where each process of the cluster listens: consecutive loopback ports from the settings' cluster_base_port."""
from __future__ import annotations

from dataclasses import dataclass

from bot.settings import Settings

# Offsets from the base port: the two inner doors of Caddy, the stores, then a block of 20 per kind of instance.
AGENDA_DOOR, ACTIONS_DOOR, POSTGRES, REDIS = 0, 1, 2, 3
AGENDAS, ACTION_SERVERS, RASAS = 10, 30, 50


@dataclass(frozen=True)
class Layout:
    base_port: int
    agendas: int
    action_servers: int
    rasas: int

    @classmethod
    def of(cls, settings: Settings) -> Layout:
        return cls(settings.cluster_base_port, settings.cluster_agendas, settings.cluster_action_servers,
                   settings.cluster_rasas)

    # Caddy's doors on loopback for the calls between processes: the actions to the agendas, Rasa to the actions.
    @property
    def agenda_door(self) -> int:
        return self.base_port + AGENDA_DOOR

    @property
    def actions_door(self) -> int:
        return self.base_port + ACTIONS_DOOR

    @property
    def postgres(self) -> int:
        return self.base_port + POSTGRES

    @property
    def redis(self) -> int:
        return self.base_port + REDIS

    @property
    def agenda_ports(self) -> list[int]:
        return [self.base_port + AGENDAS + i for i in range(self.agendas)]

    @property
    def action_ports(self) -> list[int]:
        return [self.base_port + ACTION_SERVERS + i for i in range(self.action_servers)]

    @property
    def rasa_ports(self) -> list[int]:
        return [self.base_port + RASAS + i for i in range(self.rasas)]

    def all_ports(self) -> list[int]:
        return [self.agenda_door, self.actions_door, self.postgres, self.redis, *self.agenda_ports, *self.action_ports,
                *self.rasa_ports]
