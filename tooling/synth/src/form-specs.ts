/** Share of a year's activity falling in each quarter. */
export type Season = readonly [number, number, number, number];

/** Most work is spread over the year, a little slower around the Spring Festival. */
export const STEADY: Season = [0.22, 0.25, 0.26, 0.27];
/** 科技活动周 is held in May. */
const SCIENCE_WEEK: Season = [0.1, 0.6, 0.15, 0.15];
/** Camps run in the summer holidays. */
const SUMMER: Season = [0.05, 0.15, 0.65, 0.15];
/** Titles, accounts and budgets are settled at the year's end. */
const YEAR_END: Season = [0.1, 0.2, 0.2, 0.5];

/** Sub-totals asked for under a total: one disaggregation and some of its values. */
export interface Breakdown {
  dimension: string;
  values: readonly string[];
}

/** One catalog indicator a form asks for. */
export interface FieldSpec {
  indicator: string;
  /**
   * For an average county: a flow's amount in one quarter, a stock's level at the start of
   * 2021, a rate's value in 2021. Cities and provinces scale flows and stocks up, never rates.
   */
  base: number;
  /** A rate's value by 2025. */
  reach?: number;
  /** Reported with 其中 sub-totals; flows and stocks only, since rates do not add up. */
  parts?: Breakdown;
  /** An annual survey result, reported in the fourth quarter only. */
  yearly?: true;
  season?: Season;
}

const groups = (...values: string[]): Breakdown => ({ dimension: 'targetGroup', values });
const activity = (...values: string[]): Breakdown => ({ dimension: 'activityType', values });
const media = (...values: string[]): Breakdown => ({ dimension: 'mediaType', values });
const venueType = (...values: string[]): Breakdown => ({ dimension: 'type', values });

/**
 * What each reporting function is asked every quarter, by function code. Values in the
 * magnitudes county bureaus print in their annual summaries.
 */
export const FORM_SPECS: Readonly<Record<string, readonly FieldSpec[]>> = {
  science_association: [
    { indicator: 'science_activities_held', base: 12, parts: groups('youth', 'farmers', 'elderly') },
    { indicator: 'science_activity_participants', base: 3000, parts: groups('youth', 'farmers', 'elderly') },
    { indicator: 'science_lectures', base: 6 },
    { indicator: 'science_week_events', base: 4, season: SCIENCE_WEEK },
    { indicator: 'society_science_service_projects', base: 1 },
    { indicator: 'science_volunteers', base: 800 },
    { indicator: 'kepu_china_informants', base: 3000 },
    { indicator: 'grassroots_science_associations', base: 25 },
    { indicator: 'kepu_e_stations', base: 8 },
    { indicator: 'science_literacy_rate', base: 12, reach: 16, yearly: true },
  ],
  education: [
    { indicator: 'science_teachers_trained', base: 30 },
    { indicator: 'science_tutors_trained', base: 20 },
    { indicator: 'youth_competition_entries', base: 40, season: [0.3, 0.3, 0.1, 0.3] },
    { indicator: 'study_tour_activities', base: 5 },
    { indicator: 'featured_schools', base: 4 },
    { indicator: 'science_vice_principals', base: 20 },
    { indicator: 'full_time_science_teachers', base: 60 },
    { indicator: 'student_activity_participation_rate', base: 72, reach: 90 },
  ],
  science_technology: [
    { indicator: 'rural_tech_commissioners', base: 30 },
    { indicator: 'tech_commissioner_teams', base: 3 },
    {
      indicator: 'science_bases',
      base: 4,
      parts: { dimension: 'level', values: ['provincial', 'municipal', 'county'] },
    },
    { indicator: 'science_week_events', base: 3, season: SCIENCE_WEEK },
    { indicator: 'science_projects_funded', base: 2, season: YEAR_END },
  ],
  industry_it: [
    { indicator: 'science_bases', base: 2, parts: venueType('industry_science_base') },
    { indicator: 'craftsmen_cultivated', base: 10 },
    { indicator: 'trainings_held', base: 4, parts: groups('workers') },
    { indicator: 'training_person_times', base: 300, parts: groups('workers') },
  ],
  development_reform: [
    { indicator: 'science_venues', base: 3 },
    { indicator: 'science_museums', base: 1 },
    { indicator: 'science_venue_floor_area', base: 5000 },
  ],
  agriculture: [
    { indicator: 'trainings_held', base: 8, parts: groups('farmers') },
    { indicator: 'training_person_times', base: 1200, parts: groups('farmers', 'women') },
    { indicator: 'persons_trained', base: 500, parts: groups('farmers') },
    { indicator: 'tech_service_person_times', base: 2000, parts: groups('farmers') },
    { indicator: 'rural_innovation_leaders_cultivated', base: 5 },
    { indicator: 'farmer_technical_titles_awarded', base: 20, season: YEAR_END },
    { indicator: 'tech_demonstration_households', base: 60 },
    { indicator: 'agricultural_demonstration_bases', base: 3 },
    { indicator: 'practical_techniques_per_labourer', base: 1.2, reach: 2, yearly: true },
  ],
  human_resources: [
    { indicator: 'trainings_held', base: 10, parts: groups('workers', 'migrant_workers') },
    { indicator: 'training_person_times', base: 1500, parts: groups('workers', 'migrant_workers') },
    { indicator: 'persons_trained', base: 600, parts: groups('workers') },
    { indicator: 'craftsmen_cultivated', base: 8 },
    { indicator: 'post_training_employment_rate', base: 70, reach: 85 },
  ],
  health: [
    { indicator: 'science_lectures', base: 15, parts: groups('elderly', 'women') },
    { indicator: 'science_activities_held', base: 8, parts: groups('elderly', 'children') },
    { indicator: 'science_materials_distributed', base: 5000 },
    { indicator: 'science_videos', base: 3 },
    { indicator: 'health_literacy_rate', base: 22, reach: 30, yearly: true },
  ],
  propaganda: [
    { indicator: 'newspaper_science_articles', base: 20 },
    { indicator: 'tv_science_hours', base: 15 },
    { indicator: 'radio_science_hours', base: 12 },
    { indicator: 'science_resource_reach', base: 50000, parts: media('wechat', 'short_video') },
    { indicator: 'science_columns', base: 3 },
  ],
  organisation: [
    { indicator: 'trainings_held', base: 2, parts: groups('cadres') },
    { indicator: 'training_person_times', base: 300, parts: groups('cadres') },
    { indicator: 'science_literacy_courses', base: 2, parts: groups('cadres') },
  ],
  civilisation_office: [
    { indicator: 'volunteer_service_activities', base: 10, parts: groups('public') },
    { indicator: 'science_volunteer_teams', base: 10 },
    { indicator: 'science_scenes', base: 3 },
    { indicator: 'science_demonstration_areas', base: 2 },
  ],
  cyberspace: [
    { indicator: 'new_media_accounts', base: 5, parts: media('wechat', 'weibo', 'short_video') },
    { indicator: 'new_media_posts', base: 60, parts: media('wechat', 'short_video') },
    { indicator: 'science_websites', base: 1 },
  ],
  party_school: [
    { indicator: 'trainings_held', base: 3, parts: groups('cadres') },
    { indicator: 'training_person_times', base: 400, parts: groups('cadres') },
    { indicator: 'science_literacy_courses', base: 2 },
  ],
  retired_cadres: [
    { indicator: 'science_lectures', base: 4, parts: groups('elderly') },
    { indicator: 'volunteer_service_activities', base: 3, parts: groups('elderly') },
    { indicator: 'science_activity_participants', base: 400, parts: groups('elderly') },
  ],
  trade_union: [
    { indicator: 'skill_competitions', base: 2, season: [0.1, 0.4, 0.2, 0.3] },
    { indicator: 'training_person_times', base: 800, parts: groups('workers') },
    { indicator: 'science_activities_held', base: 5, parts: groups('workers') },
    { indicator: 'academic_exchanges', base: 1 },
  ],
  youth_league: [
    { indicator: 'volunteer_service_activities', base: 6, parts: groups('youth') },
    { indicator: 'science_volunteers', base: 300, parts: groups('youth') },
    { indicator: 'youth_science_camps', base: 1, season: SUMMER },
    { indicator: 'science_activity_participants', base: 1500, parts: groups('youth', 'children') },
  ],
  womens_federation: [
    { indicator: 'trainings_held', base: 4, parts: groups('women') },
    { indicator: 'training_person_times', base: 400, parts: groups('women') },
    { indicator: 'science_lectures', base: 5, parts: groups('women', 'children') },
    { indicator: 'science_activities_held', base: 6, parts: groups('women', 'children') },
  ],
  social_sciences_federation: [
    { indicator: 'science_lectures', base: 3, parts: groups('public') },
    { indicator: 'academic_exchanges', base: 2 },
    { indicator: 'society_science_service_projects', base: 1 },
    { indicator: 'science_books', base: 1, season: YEAR_END },
  ],
  emergency: [
    { indicator: 'science_activities_held', base: 8, parts: activity('emergency_drill') },
    { indicator: 'science_activity_participants', base: 2000, parts: activity('emergency_drill') },
    { indicator: 'science_materials_distributed', base: 3000 },
    { indicator: 'science_bases', base: 1, parts: venueType('public_safety_health_base', 'emergency_education_venue') },
  ],
  culture_tourism: [
    {
      indicator: 'venue_visitors',
      base: 8000,
      parts: venueType('science_museum', 'sci_tech_museum'),
      season: [0.2, 0.25, 0.35, 0.2],
    },
    { indicator: 'science_exhibitions', base: 3 },
    { indicator: 'sci_tech_museums', base: 1 },
    { indicator: 'study_tour_activities', base: 2, season: SUMMER },
  ],
  media_center: [
    { indicator: 'science_videos', base: 10 },
    { indicator: 'new_media_posts', base: 80, parts: media('wechat', 'short_video') },
    { indicator: 'science_works_created', base: 5 },
    { indicator: 'science_resource_reach', base: 60000, parts: media('short_video') },
    { indicator: 'science_columns', base: 2 },
  ],
  market_regulation: [
    { indicator: 'science_materials_distributed', base: 2000 },
    { indicator: 'science_lectures', base: 3, parts: groups('public') },
    { indicator: 'science_activities_held', base: 4, parts: activity('theme_day') },
  ],
  civil_affairs: [
    { indicator: 'community_science_facilities', base: 30, parts: venueType('community_activity_room') },
    { indicator: 'science_activities_held', base: 5, parts: groups('elderly') },
    { indicator: 'science_bulletin_boards', base: 40 },
  ],
  finance: [
    { indicator: 'government_science_funding', base: 30, season: YEAR_END },
    {
      indicator: 'science_funding_raised',
      base: 45,
      parts: { dimension: 'fundingSource', values: ['government', 'self_raised', 'social_donation'] },
      season: YEAR_END,
    },
    { indicator: 'science_funding_spent', base: 40, season: YEAR_END },
    { indicator: 'science_funding_per_capita', base: 2, reach: 3.2, yearly: true },
  ],
  natural_resources: [
    { indicator: 'science_bases', base: 2, parts: venueType('theme_science_base') },
    { indicator: 'science_activities_held', base: 3, parts: activity('theme_day') },
    { indicator: 'science_lectures', base: 2 },
  ],
  ecology_environment: [
    { indicator: 'science_activities_held', base: 4, parts: activity('theme_day') },
    { indicator: 'science_materials_distributed', base: 2500 },
    { indicator: 'science_bases', base: 1 },
  ],
  meteorology: [
    { indicator: 'science_lectures', base: 3 },
    { indicator: 'science_display_screens', base: 5 },
    { indicator: 'science_activity_participants', base: 800 },
    { indicator: 'science_bases', base: 1 },
  ],
  earthquake: [
    { indicator: 'science_activities_held', base: 3, parts: activity('emergency_drill') },
    { indicator: 'science_activity_participants', base: 1500, parts: activity('emergency_drill') },
    { indicator: 'science_materials_distributed', base: 1500 },
    { indicator: 'science_bases', base: 1, parts: venueType('public_safety_health_base') },
  ],
  rural_revitalisation: [
    { indicator: 'training_person_times', base: 600, parts: groups('farmers') },
    { indicator: 'tech_service_person_times', base: 1000, parts: groups('farmers') },
    { indicator: 'science_demonstration_areas', base: 2 },
  ],
  forestry_grassland: [
    { indicator: 'science_lectures', base: 2, parts: groups('farmers') },
    { indicator: 'tech_service_person_times', base: 500, parts: groups('farmers') },
    { indicator: 'science_bases', base: 1 },
  ],
};
