-- LPSA Desk store, schema version 6, holding the demo agreement.
-- Made by scripts/make_schema_fixture.py; tests load it, migrate it and check nothing was lost.
PRAGMA user_version=6;
BEGIN TRANSACTION;
CREATE TABLE agreement_councils (
	agreement_id INTEGER NOT NULL, 
	council_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_agreement_councils PRIMARY KEY (agreement_id, council_id), 
	CONSTRAINT fk_agreement_councils_agreement_id_agreements FOREIGN KEY(agreement_id) REFERENCES agreements (id) ON DELETE CASCADE, 
	CONSTRAINT fk_agreement_councils_council_id_councils FOREIGN KEY(council_id) REFERENCES councils (id) ON DELETE RESTRICT
);
INSERT INTO "agreement_councils" VALUES(1,1,0);
CREATE TABLE agreements (
	id INTEGER NOT NULL, 
	ref VARCHAR NOT NULL, 
	title VARCHAR NOT NULL, 
	generation VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	period_start DATE NOT NULL, 
	period_end DATE NOT NULL, 
	net_budget_requirement INTEGER, 
	nbr_year VARCHAR, 
	reward_rate VARCHAR(40) NOT NULL, 
	pot_rounding VARCHAR NOT NULL, 
	threshold VARCHAR(40) NOT NULL, 
	cap VARCHAR(40) NOT NULL, 
	interim_fraction VARCHAR(40) NOT NULL, 
	capital_share VARCHAR(40), 
	pump_priming_grant INTEGER, 
	notes TEXT NOT NULL, 
	internal_notes TEXT DEFAULT '' NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_agreements PRIMARY KEY (id), 
	CONSTRAINT uq_agreements_ref UNIQUE (ref)
);
INSERT INTO "agreements" VALUES(1,'bath-ne-somerset-lpsa1','Bath and North East Somerset Local Public Service Agreement','LPSA1','negotiating','2003-04-01','2006-03-31',14311800000,'2002/03','0.025','none','0.60','1.00','0.2',NULL,91961300,'Demonstration agreement: figures are illustrative, modelled on the kinds of target B&NES negotiated in 2002–03.','Fall-back: accept 12b library visits at 5,500 if DCMS will not move.','2026-12-03 14:27:13.628842','2026-12-03 14:27:13.628842');
CREATE TABLE audit_events (
	id INTEGER NOT NULL, 
	agreement_ref VARCHAR NOT NULL, 
	at DATETIME NOT NULL, 
	officer VARCHAR NOT NULL, 
	action VARCHAR NOT NULL, 
	entity VARCHAR NOT NULL, 
	field VARCHAR, 
	old_value TEXT, 
	new_value TEXT, 
	CONSTRAINT pk_audit_events PRIMARY KEY (id)
);
INSERT INTO "audit_events" VALUES(1,'bath-ne-somerset-lpsa1','2026-12-03 14:27:13.670221','Fixture Officer','create','agreement',NULL,NULL,NULL);
CREATE TABLE councils (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	code VARCHAR, 
	type VARCHAR, 
	population INTEGER, 
	cpa_category VARCHAR, 
	CONSTRAINT pk_councils PRIMARY KEY (id), 
	CONSTRAINT uq_councils_name UNIQUE (name)
);
INSERT INTO "councils" VALUES(1,'Bath and North East Somerset Council','E06000022','unitary',169040,'good');
CREATE TABLE exchanged_states (
	id INTEGER NOT NULL, 
	agreement_ref VARCHAR NOT NULL, 
	state_hash VARCHAR NOT NULL, 
	snapshot TEXT NOT NULL, 
	recorded_at DATETIME NOT NULL, 
	direction VARCHAR NOT NULL, 
	file_name VARCHAR NOT NULL, 
	officer VARCHAR NOT NULL, 
	CONSTRAINT pk_exchanged_states PRIMARY KEY (id), 
	CONSTRAINT uq_exchanged_states_agreement_ref UNIQUE (agreement_ref, state_hash)
);
CREATE TABLE freedom_targets (
	freedom_id INTEGER NOT NULL, 
	target_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_freedom_targets PRIMARY KEY (freedom_id, target_id), 
	CONSTRAINT fk_freedom_targets_freedom_id_freedoms FOREIGN KEY(freedom_id) REFERENCES freedoms (id) ON DELETE CASCADE, 
	CONSTRAINT fk_freedom_targets_target_id_targets FOREIGN KEY(target_id) REFERENCES targets (id) ON DELETE CASCADE
);
INSERT INTO "freedom_targets" VALUES(1,4,0);
INSERT INTO "freedom_targets" VALUES(2,5,0);
INSERT INTO "freedom_targets" VALUES(2,6,1);
INSERT INTO "freedom_targets" VALUES(3,7,0);
INSERT INTO "freedom_targets" VALUES(4,1,0);
INSERT INTO "freedom_targets" VALUES(5,12,0);
INSERT INTO "freedom_targets" VALUES(7,9,0);
CREATE TABLE freedoms (
	id INTEGER NOT NULL, 
	agreement_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	ref VARCHAR NOT NULL, 
	description TEXT NOT NULL, 
	department VARCHAR NOT NULL, 
	legal_basis TEXT NOT NULL, 
	status VARCHAR NOT NULL, 
	response TEXT NOT NULL, 
	alternative TEXT NOT NULL, 
	delivery VARCHAR NOT NULL, 
	internal_notes TEXT DEFAULT '' NOT NULL, 
	negotiation VARCHAR DEFAULT 'open' NOT NULL, 
	CONSTRAINT pk_freedoms PRIMARY KEY (id), 
	CONSTRAINT uq_freedoms_agreement_id UNIQUE (agreement_id, ref), 
	CONSTRAINT fk_freedoms_agreement_id_agreements FOREIGN KEY(agreement_id) REFERENCES agreements (id) ON DELETE CASCADE
);
INSERT INTO "freedoms" VALUES(1,1,0,'F1','Carry over up to 20% of the care capacity grant from one year to the next','Department of Health','Care capacity grant conditions (LAC(2002)4)','agreed','Granted: up to 20% of the grant may be carried forward each year of the agreement.','','delivered','','open');
INSERT INTO "freedoms" VALUES(2,1,1,'F2','Carry forward underspends of community safety specific grants between financial years','Home Office','Building Safer Communities Fund grant conditions','agreed_in_principle','The Home Office will look favourably at requests to carry forward specific grants.','','not_started','','open');
INSERT INTO "freedoms" VALUES(3,1,2,'F3','Unsupported credit approval of £1,072,000 for road safety engineering schemes','Office of the Deputy Prime Minister','Local Government and Housing Act 1989, Part IV (credit approvals)','agreed_subject_to_feasibility','Agreed subject to the capital settlement for 2003/04.','','partly_delivered','','open');
INSERT INTO "freedoms" VALUES(4,1,3,'F4','Measure Key Stage 3 uplift by average point scores instead of levels','Department for Education and Skills','Key Stage 3 target-setting guidance','alternative_offered','Levels remain the measure for the reward.','Average point scores may be reported alongside levels for information.','not_started','','open');
INSERT INTO "freedoms" VALUES(5,1,4,'F5','Relax the ring-fence on the Supporting People grant to fund bed and breakfast alternatives','Office of the Deputy Prime Minister','Supporting People grant conditions','under_discussion','Further discussion taking place.','','not_started','','open');
INSERT INTO "freedoms" VALUES(6,1,5,'F6','Waive the requirement for a separate Cultural Strategy','Department for Culture, Media and Sport','Statutory plan requirements','not_agreed','Not agreed: the strategy is not a statutory requirement.','','not_started','','open');
INSERT INTO "freedoms" VALUES(7,1,6,'F7','Unsupported credit approval for a new household waste recycling centre','Office of the Deputy Prime Minister','Local Government and Housing Act 1989, Part IV','withdrawn','Withdrawn by the council on 20 January 2003.','','not_started','','open');
CREATE TABLE import_batches (
	id INTEGER NOT NULL, 
	agreement_ref VARCHAR NOT NULL, 
	file_name VARCHAR NOT NULL, 
	sha256 VARCHAR NOT NULL, 
	imported_at DATETIME NOT NULL, 
	officer VARCHAR NOT NULL, 
	counts TEXT NOT NULL, 
	before_json TEXT, 
	after_json TEXT NOT NULL, 
	reverted_at DATETIME, 
	reverted_by VARCHAR, 
	CONSTRAINT pk_import_batches PRIMARY KEY (id)
);
CREATE TABLE indicators (
	id INTEGER NOT NULL, 
	target_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	ref VARCHAR NOT NULL, 
	description TEXT NOT NULL, 
	definition TEXT NOT NULL, 
	unit VARCHAR NOT NULL, 
	decimals INTEGER NOT NULL, 
	direction VARCHAR NOT NULL, 
	baseline VARCHAR(40), 
	baseline_period VARCHAR, 
	without_value VARCHAR(40), 
	with_value VARCHAR(40), 
	end_period VARCHAR, 
	interim VARCHAR(40), 
	interim_period VARCHAR, 
	interim_actual VARCHAR(40), 
	actual VARCHAR(40), 
	weight VARCHAR(40), 
	negotiation VARCHAR DEFAULT 'open' NOT NULL, 
	CONSTRAINT pk_indicators PRIMARY KEY (id), 
	CONSTRAINT uq_indicators_target_id UNIQUE (target_id, ref), 
	CONSTRAINT fk_indicators_target_id_targets FOREIGN KEY(target_id) REFERENCES targets (id) ON DELETE CASCADE
);
INSERT INTO "indicators" VALUES(1,1,0,'1a','Percentage of pupils achieving level 5 or above in Key Stage 3 English','DfES Key Stage 3 results, maintained schools','percent',0,'higher','67','2001/02','70','73','2004/05','71','2003/04',NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(2,1,1,'1b','Percentage of pupils achieving level 5 or above in Key Stage 3 mathematics','DfES Key Stage 3 results, maintained schools','percent',0,'higher','69','2001/02','72','75','2004/05',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(3,1,2,'1c','Percentage of pupils achieving level 5 or above in Key Stage 3 science','DfES Key Stage 3 results, maintained schools','percent',0,'higher','66','2001/02','69','72','2004/05',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(4,2,0,'2','Percentage of half-day sessions missed through absence in secondary schools','DfES absence returns (authorised and unauthorised)','percent',1,'lower','8.6','2001/02','8.3','7.6','2004/05',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(5,3,0,'3a','Care leavers aged 16+ with at least one GCSE at grade A*–G or GNVQ','PAF A2 / BVPI 50','percent',0,'higher','45','2001/02','50','60','2005/06',NULL,NULL,NULL,NULL,'0.6','open');
INSERT INTO "indicators" VALUES(6,3,1,'3b','Care leavers engaged in education, training or employment at age 19','PAF A4 / BVPI 161','percent',0,'higher','48','2001/02','52','62','2005/06',NULL,NULL,NULL,NULL,'0.4','open');
INSERT INTO "indicators" VALUES(7,4,0,'4a','Older people helped to live at home, per 1,000 population aged 65 or over','PAF C32','rate_per_1000',1,'higher','78','2001/02','82','90','2005/06',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(8,4,1,'4b','Permanent admissions of older people to residential and nursing care','PAF C26 (numbers, not rates)','count',0,'lower','310','2001/02','300','270','2005/06',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(9,5,0,'5','Thefts of and from motor vehicles, per 1,000 population','Recorded crime, Avon and Somerset Constabulary','rate_per_1000',1,'lower','15.2','2001/02','14.5','12.3','2005/06',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(10,6,0,'6','Deaths and injuries in accidental dwelling fires (three-year total)','Fire service incident records','count',0,'lower','42','1999/00 – 2001/02','40','32','2003/04 – 2005/06',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(11,7,0,'7','People killed or seriously injured in road traffic collisions (calendar year)','STATS19','count',0,'lower','124','2001','118','102','2005',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(12,8,0,'8a','Bus passenger journeys a year (millions)','Operators'' returns, BVPI 102','count',2,'higher','9.8','2001/02','10','10.8','2005/06',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(13,8,1,'8b','Bus users satisfied with local information about services','BVPI 104 satisfaction survey','percent',0,'higher','52','2000/01','55','63','2005/06',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(14,9,0,'9a','Sites surveyed with graffiti (ENCAMS survey)','Local environmental quality survey','percent',0,'lower','18','2002/03','17','12','2005/06',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(15,9,1,'9b','Household waste recycled or composted','BVPI 82a + 82b','percent',1,'higher','18.5','2001/02','24','30','2005/06',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(16,10,0,'10','Disabled people helped into work lasting 13 weeks or more','Jobcentre Plus and council supported-employment records','count',0,'higher','35','2001/02','40','95','2005/06',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(17,11,0,'11','Adults taking part in 30 minutes of moderate activity three times a week','Local household survey','percent',0,'higher','21','2002/03','22','26','2005/06',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(18,12,0,'12a','Homeless households with children in bed and breakfast accommodation (average per quarter)','P1E returns','count',0,'lower','9','2002/03','8','0','2005/06',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(19,12,1,'12b','Library visits per 1,000 population','BVPI 117','rate_per_1000',0,'higher','5100','2001/02','5200','5600','2005/06',NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO "indicators" VALUES(20,13,0,'R1','16–18-year-olds not in education, employment or training','Connexions CCIS','percent',1,'lower','8.4','2002/03','8.1','7','2005/06',NULL,NULL,NULL,NULL,NULL,'open');
CREATE TABLE meeting_actions (
	item VARCHAR, 
	text TEXT NOT NULL, 
	owner VARCHAR NOT NULL, 
	due DATE, 
	done BOOLEAN NOT NULL, 
	internal BOOLEAN NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_meeting_actions PRIMARY KEY (meeting_id, position), 
	CONSTRAINT fk_meeting_actions_meeting_id_meetings FOREIGN KEY(meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);
CREATE TABLE meeting_agenda (
	item VARCHAR NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_meeting_agenda PRIMARY KEY (meeting_id, position), 
	CONSTRAINT fk_meeting_agenda_meeting_id_meetings FOREIGN KEY(meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);
CREATE TABLE meeting_attendees (
	name VARCHAR NOT NULL, 
	organisation VARCHAR NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_meeting_attendees PRIMARY KEY (meeting_id, position), 
	CONSTRAINT fk_meeting_attendees_meeting_id_meetings FOREIGN KEY(meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);
CREATE TABLE meeting_decisions (
	item VARCHAR, 
	text TEXT NOT NULL, 
	recorded_at DATETIME NOT NULL, 
	officer VARCHAR NOT NULL, 
	internal BOOLEAN NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_meeting_decisions PRIMARY KEY (meeting_id, position), 
	CONSTRAINT fk_meeting_decisions_meeting_id_meetings FOREIGN KEY(meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);
CREATE TABLE meetings (
	id INTEGER NOT NULL, 
	agreement_ref VARCHAR NOT NULL, 
	held_on DATE NOT NULL, 
	place VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	round_number INTEGER, 
	CONSTRAINT pk_meetings PRIMARY KEY (id)
);
CREATE TABLE outturns (
	id INTEGER NOT NULL, 
	agreement_ref VARCHAR NOT NULL, 
	indicator_ref VARCHAR NOT NULL, 
	period VARCHAR NOT NULL, 
	value VARCHAR(40) NOT NULL, 
	recorded_on DATE NOT NULL, 
	audited BOOLEAN NOT NULL, 
	note TEXT NOT NULL, 
	internal_note TEXT NOT NULL, 
	CONSTRAINT pk_outturns PRIMARY KEY (id), 
	CONSTRAINT uq_outturns_agreement_ref UNIQUE (agreement_ref, indicator_ref, period)
);
CREATE TABLE partners (
	id INTEGER NOT NULL, 
	agreement_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	CONSTRAINT pk_partners PRIMARY KEY (id), 
	CONSTRAINT fk_partners_agreement_id_agreements FOREIGN KEY(agreement_id) REFERENCES agreements (id) ON DELETE CASCADE
);
INSERT INTO "partners" VALUES(1,1,0,'Bath and North East Somerset Local Strategic Partnership','lsp');
INSERT INTO "partners" VALUES(2,1,1,'Avon and Somerset Constabulary','police');
INSERT INTO "partners" VALUES(3,1,2,'Bath and North East Somerset Primary Care Trust','pct');
INSERT INTO "partners" VALUES(4,1,3,'Avon Fire and Rescue Service','fire');
INSERT INTO "partners" VALUES(5,1,4,'Jobcentre Plus','other');
INSERT INTO "partners" VALUES(6,1,5,'Connexions West of England','voluntary');
CREATE TABLE priorities (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	shared BOOLEAN NOT NULL, 
	CONSTRAINT pk_priorities PRIMARY KEY (id), 
	CONSTRAINT uq_priorities_name UNIQUE (name)
);
INSERT INTO "priorities" VALUES(1,'Raising standards in schools',1);
INSERT INTO "priorities" VALUES(2,'Improving the quality of life of children, young people, families at risk and older people',1);
INSERT INTO "priorities" VALUES(3,'Promoting healthier communities',1);
INSERT INTO "priorities" VALUES(4,'Creating safer and stronger communities',1);
INSERT INTO "priorities" VALUES(5,'Transforming the local environment',1);
INSERT INTO "priorities" VALUES(6,'Meeting transport needs more effectively',1);
INSERT INTO "priorities" VALUES(7,'Promoting the economic vitality of localities',1);
CREATE TABLE pump_priming_spend (
	id INTEGER NOT NULL, 
	agreement_ref VARCHAR NOT NULL, 
	target_ref VARCHAR NOT NULL, 
	financial_year VARCHAR NOT NULL, 
	budget INTEGER, 
	actual INTEGER, 
	CONSTRAINT pk_pump_priming_spend PRIMARY KEY (id), 
	CONSTRAINT uq_pump_priming_spend_agreement_ref UNIQUE (agreement_ref, target_ref, financial_year)
);
CREATE TABLE reporting_plans (
	agreement_ref VARCHAR NOT NULL, 
	frequency VARCHAR NOT NULL, 
	CONSTRAINT pk_reporting_plans PRIMARY KEY (agreement_ref)
);
CREATE TABLE reward_claims (
	id INTEGER NOT NULL, 
	agreement_ref VARCHAR NOT NULL, 
	instalment INTEGER NOT NULL, 
	claimed_on DATE NOT NULL, 
	amount INTEGER NOT NULL, 
	capital INTEGER, 
	revenue INTEGER, 
	audited BOOLEAN NOT NULL, 
	paid_on DATE, 
	note TEXT NOT NULL, 
	CONSTRAINT pk_reward_claims PRIMARY KEY (id), 
	CONSTRAINT uq_reward_claims_agreement_ref UNIQUE (agreement_ref, instalment)
);
CREATE TABLE rounds (
	id INTEGER NOT NULL, 
	agreement_ref VARCHAR NOT NULL, 
	number INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	party VARCHAR NOT NULL, 
	held_on DATE NOT NULL, 
	internal BOOLEAN NOT NULL, 
	taken_at DATETIME NOT NULL, 
	officer VARCHAR NOT NULL, 
	source VARCHAR NOT NULL, 
	snapshot TEXT NOT NULL, 
	CONSTRAINT pk_rounds PRIMARY KEY (id), 
	CONSTRAINT uq_rounds_agreement_ref UNIQUE (agreement_ref, number)
);
CREATE TABLE settings (
	"key" VARCHAR NOT NULL, 
	value TEXT NOT NULL, 
	CONSTRAINT pk_settings PRIMARY KEY ("key")
);
CREATE TABLE signatories (
	id INTEGER NOT NULL, 
	agreement_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	organisation VARCHAR NOT NULL, 
	CONSTRAINT pk_signatories PRIMARY KEY (id), 
	CONSTRAINT fk_signatories_agreement_id_agreements FOREIGN KEY(agreement_id) REFERENCES agreements (id) ON DELETE CASCADE
);
INSERT INTO "signatories" VALUES(1,1,0,'Cllr Margaret Hollis','Leader of the Council','Bath and North East Somerset Council');
INSERT INTO "signatories" VALUES(2,1,1,'David Pennington','Chief Executive','Bath and North East Somerset Council');
INSERT INTO "signatories" VALUES(3,1,2,'Rt Hon Alan Whitcombe MP','Minister for Local Government','Office of the Deputy Prime Minister, for the Government');
CREATE TABLE targets (
	id INTEGER NOT NULL, 
	agreement_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	ref VARCHAR NOT NULL, 
	title VARCHAR NOT NULL, 
	priority_id INTEGER, 
	lead_partner VARCHAR, 
	partners TEXT NOT NULL, 
	reserve BOOLEAN NOT NULL, 
	weight VARCHAR(40), 
	pump_priming INTEGER, 
	notes TEXT NOT NULL, 
	internal_notes TEXT DEFAULT '' NOT NULL, 
	negotiation VARCHAR DEFAULT 'open' NOT NULL, 
	CONSTRAINT pk_targets PRIMARY KEY (id), 
	CONSTRAINT uq_targets_agreement_id UNIQUE (agreement_id, ref), 
	CONSTRAINT fk_targets_agreement_id_agreements FOREIGN KEY(agreement_id) REFERENCES agreements (id) ON DELETE CASCADE, 
	CONSTRAINT fk_targets_priority_id_priorities FOREIGN KEY(priority_id) REFERENCES priorities (id)
);
INSERT INTO "targets" VALUES(1,1,0,'1','Raise the attainment of 14-year-olds in English, mathematics and science',1,'Bath and North East Somerset Council','Schools Forum',0,NULL,9500000,'','','open');
INSERT INTO "targets" VALUES(2,1,1,'2','Improve attendance at secondary schools',1,NULL,'',0,NULL,6000000,'','','open');
INSERT INTO "targets" VALUES(3,1,2,'3','Improve the education and employment of young people leaving care',2,'Bath and North East Somerset Council','Connexions West of England',0,NULL,8500000,'Weighted 60/40 at the department''s request (meeting of 14 January 2003).','','open');
INSERT INTO "targets" VALUES(4,1,3,'4','Help more older people to live at home',2,'Bath and North East Somerset Council','Bath and North East Somerset Primary Care Trust',0,NULL,11000000,'','','open');
INSERT INTO "targets" VALUES(5,1,4,'5','Reduce vehicle crime',4,'Avon and Somerset Constabulary','Bath and North East Somerset Council
Community Safety Partnership',0,NULL,7000000,'','','open');
INSERT INTO "targets" VALUES(6,1,5,'6','Reduce deaths and injuries from fires in the home',4,'Avon Fire and Rescue Service','',0,NULL,4500000,'','','open');
INSERT INTO "targets" VALUES(7,1,6,'7','Cut the number of people killed or seriously injured on the roads',6,'Bath and North East Somerset Council','Avon and Somerset Constabulary',0,NULL,9000000,'','','open');
INSERT INTO "targets" VALUES(8,1,7,'8','Increase bus use and satisfaction with bus information',6,NULL,'',0,NULL,8500000,'','','open');
INSERT INTO "targets" VALUES(9,1,8,'9','Reduce graffiti and increase recycling',5,NULL,'',0,NULL,8000000,'','','open');
INSERT INTO "targets" VALUES(10,1,9,'10','Help more disabled people into sustained employment',7,'Jobcentre Plus','Bath and North East Somerset Council',0,NULL,7461300,'','','open');
INSERT INTO "targets" VALUES(11,1,10,'11','Improve health through sport and physical activity',3,'Bath and North East Somerset Primary Care Trust','',0,NULL,7000000,'','','open');
INSERT INTO "targets" VALUES(12,1,11,'12','Find alternatives to bed and breakfast for homeless families and increase library use',2,NULL,'',0,NULL,5500000,'','','open');
INSERT INTO "targets" VALUES(13,1,12,'R1','Reduce the number of young people not in education, employment or training',2,NULL,'',1,NULL,NULL,'','Reserve target: offered if target 10 is not accepted by DWP.','open');
CREATE INDEX ix_audit_events_agreement_ref ON audit_events (agreement_ref);
CREATE INDEX ix_import_batches_sha256 ON import_batches (sha256);
CREATE INDEX ix_import_batches_agreement_ref ON import_batches (agreement_ref);
CREATE INDEX ix_outturns_agreement_ref ON outturns (agreement_ref);
CREATE INDEX ix_reward_claims_agreement_ref ON reward_claims (agreement_ref);
CREATE INDEX ix_pump_priming_spend_agreement_ref ON pump_priming_spend (agreement_ref);
CREATE INDEX ix_exchanged_states_agreement_ref ON exchanged_states (agreement_ref);
CREATE INDEX ix_rounds_agreement_ref ON rounds (agreement_ref);
CREATE TRIGGER rounds_are_read_only BEFORE UPDATE ON rounds BEGIN SELECT RAISE(ABORT, 'rounds are read-only: take a new round instead'); END;
CREATE TRIGGER rounds_are_kept BEFORE DELETE ON rounds BEGIN SELECT RAISE(ABORT, 'rounds are kept: take a new round instead'); END;
CREATE INDEX ix_meetings_agreement_ref ON meetings (agreement_ref);
COMMIT;
