"""Outbound dialer campaigns: create/delete, phones, and the getCallDetail rows."""

from __future__ import annotations

import threading
from datetime import date, time

from agentbar.sim.errors import SimFailure
from agentbar.sim.model import Campaign, CampaignCall, stamp


class CampaignBook:
    """Campaigns keyed by id, under the state's lock."""

    def __init__(self, lock: threading.RLock, campaigns: dict[int, Campaign]) -> None:
        self._lock = lock
        self._campaigns = campaigns
        self._next_id = max(campaigns, default=0) + 1

    def _get(self, campaign_id: int) -> Campaign:
        campaign = self._campaigns.get(campaign_id)
        if campaign is None:
            raise SimFailure("Kampanya bulunamadı.")
        return campaign

    def ids(self) -> list[int]:
        """Ids of the existing campaigns."""
        with self._lock:
            return sorted(self._campaigns)

    def create(
        self,
        name: str,
        dates: tuple[date, date],
        times: tuple[time, time],
        retries: int,
        queue: str,
    ) -> Campaign:
        """createCampaign: returns the new campaign (with its id)."""
        with self._lock:
            campaign = Campaign(self._next_id, name, *dates, *times, retries, queue)
            self._campaigns[campaign.id] = campaign
            self._next_id += 1
            return campaign

    def delete(self, campaign_id: int) -> None:
        """deleteCampaign."""
        with self._lock:
            self._get(campaign_id)
            del self._campaigns[campaign_id]

    def add_phone(self, campaign_id: int, name: str, surname: str, phone: str) -> None:
        """campaignAddPhone: a pending number for the dialer."""
        with self._lock:
            campaign = self._get(campaign_id)
            if any(c.phone == phone for c in campaign.calls):
                raise SimFailure("Telefon numarası kampanyada zaten var.")
            campaign.calls.append(CampaignCall(phone, name, surname))

    def delete_phone(self, campaign_id: int, phone: str) -> None:
        """campaignDeletePhone."""
        with self._lock:
            campaign = self._get(campaign_id)
            kept = [c for c in campaign.calls if c.phone != phone]
            if len(kept) == len(campaign.calls):
                raise SimFailure("Telefon numarası kampanyada bulunamadı.")
            campaign.calls = kept

    def details(self, phone: str | None, campaign_id: int | None) -> list[dict[str, str]]:
        """getCallDetail rows, filtered by phone and/or campaign (either, both or neither)."""
        with self._lock:
            if campaign_id is not None:
                chosen = [self._get(campaign_id)]
            else:
                chosen = [self._campaigns[i] for i in sorted(self._campaigns)]
            return [
                _detail(campaign, call)
                for campaign in chosen
                for call in campaign.calls
                if phone is None or call.phone == phone
            ]


def _detail(campaign: Campaign, call: CampaignCall) -> dict[str, str]:
    return {
        "name": campaign.name,
        "phone": call.phone,
        "status": call.status,
        "start_time": stamp(call.start_time),
        "end_time": stamp(call.end_time),
        "duration": call.duration,
        "failure_cause": call.failure_cause,
        "failure_cause_txt": call.failure_cause_txt,
        "agent_number": call.agent_number,
        "agent_name": call.agent_name,
    }
