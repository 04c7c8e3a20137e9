"""Handing a unit's file to headquarters: the handover file, its export at the unit,
its verification and the three-way merge at headquarters, duplicates across units."""
