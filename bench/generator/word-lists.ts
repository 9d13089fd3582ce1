// Embedded word lists for the data generator (no network). Lists of names are roughly in order of
// how common they are in the UK and the US, because the generator picks from them with Zipf
// weights: the first entries come up far more often than the last ones.

export const firstNames = [
  'James', 'Mary', 'John', 'Sarah', 'David', 'Emma', 'Michael', 'Olivia', 'Robert', 'Jessica',
  'William', 'Sophie', 'Daniel', 'Emily', 'Thomas', 'Laura', 'Christopher', 'Hannah', 'Matthew', 'Charlotte',
  'Joseph', 'Amy', 'Andrew', 'Rebecca', 'Paul', 'Lucy', 'Mark', 'Rachel', 'Richard', 'Jennifer',
  'Peter', 'Karen', 'Steven', 'Lisa', 'Anthony', 'Helen', 'Kevin', 'Claire', 'Jason', 'Nicola',
  'Gary', 'Amanda', 'Brian', 'Susan', 'George', 'Grace', 'Edward', 'Chloe', 'Ryan', 'Megan',
  'Adam', 'Katie', 'Luke', 'Ella', 'Jack', 'Isla', 'Harry', 'Ava', 'Oliver', 'Mia',
  'Samuel', 'Zoe', 'Benjamin', 'Holly', 'Liam', 'Natalie', 'Nathan', 'Victoria', 'Jacob', 'Ashley',
  'Aaron', 'Stephanie', 'Scott', 'Michelle', 'Sean', 'Nicole', 'Patrick', 'Kimberly', 'Ian', 'Angela',
  'Mohammed', 'Fatima', 'Ahmed', 'Aisha', 'Raj', 'Priya', 'Arjun', 'Ananya', 'Wei', 'Mei',
  'Carlos', 'Maria', 'José', 'Lucía', 'Diego', 'Sofía', 'Luis', 'Camila', 'Juan', 'Valentina',
  'Liam', 'Niamh', 'Ciarán', 'Siobhán', 'Oisín', 'Aoife', 'Callum', 'Eilidh', 'Rhys', 'Cerys',
  'Tomasz', 'Agnieszka', 'Piotr', 'Katarzyna', 'Łukasz', 'Magdalena', 'Kwame', 'Ama', 'Chidi', 'Ngozi',
  'Hiroshi', 'Yuki', 'Kenji', 'Sakura', 'Minh', 'Linh', 'Dmitri', 'Olga', 'Yusuf', 'Zeynep',
  'Noah', 'Zoë', 'Elijah', 'Chloé', 'Mateo', 'Amélie', 'Finn', 'Freya', 'Ezra', 'Imogen',
  'Dylan', 'Poppy', 'Theo', 'Ruby', 'Arthur', 'Florence', 'Alfie', 'Evie', 'Reggie', 'Maisie',
] as const;

export const lastNames = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
  'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
  'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill',
  'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen',
  'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths',
  'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy',
  'Miller', 'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams', 'Singh',
  'Begum', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Ali',
  'Hunt', 'Hussain', 'Campbell', 'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes', 'Knight',
  'Lloyd', 'Butler', 'Russell', 'Barker', 'Fisher', 'Stevens', 'Jenkins', 'Murray', 'Dixon', 'Harvey',
  'Garcia', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres',
  'Nguyen', 'Tran', 'Le', 'Pham', 'Chen', 'Wang', 'Zhang', 'Liu', 'Li', 'Yang',
  'Kowalski', 'Nowak', 'Wiśniewski', 'Wójcik', 'Kumar', 'Shah', 'Sharma', 'Gupta', 'Mehta', 'Chowdhury',
  "O'Neill", "O'Brien", "O'Connor", 'McCarthy', 'MacDonald', 'McLean', 'Doherty', 'Gallagher', 'Quinn', 'Byrne',
  'Okafor', 'Mensah', 'Adeyemi', 'Nakamura', 'Tanaka', 'Suzuki', 'Ivanov', 'Petrov', 'Yilmaz', 'Demir',
  'Müller', 'Schmidt', 'Fischer', 'Dubois', 'Lefèvre', 'Rossi', 'Bianchi', 'Costa', 'Silva', 'Santos',
  'Smith-Jones', 'Ashworth', 'Blackwood', 'Crowther', 'Fairbairn', 'Hargreaves', 'Pemberton', 'Sutcliffe', 'Whitfield', 'Yardley',
] as const;

/** The first word of a company name: places and pleasant nouns. */
export const companyFirstWords = [
  'Northside', 'Riverside', 'Oakfield', 'Harbour', 'Kingsway', 'Summit', 'Greenway', 'Westfield', 'Bluebell', 'Meadow',
  'Ashford', 'Highgate', 'Brookside', 'Castle', 'Victoria', 'Park Lane', 'Redwood', 'Silverline', 'Eastgate', 'Crown',
  'Pennine', 'Severn', 'Thames', 'Mersey', 'Cotswold', 'Lakeland', 'Moorland', 'Clyde', 'Tyne', 'Avon',
  'Premier', 'Elite', 'Apex', 'Swift', 'Reliable', 'Trusted', 'Sterling', 'Phoenix', 'Atlas', 'Pioneer',
  'Golden Gate', 'Lone Star', 'Empire', 'Liberty', 'Pacific', 'Hudson', 'Cascade', 'Sunbelt', 'Bayou', 'Prairie',
  'Acorn', 'Beacon', 'Compass', 'Anchor', 'Keystone', 'Cornerstone', 'Milestone', 'Horizon', 'Evergreen', 'Willow',
] as const;

/** Trades and property businesses, the firms Fieldbook is for. */
export const companyTrades = [
  'Plumbing', 'Electrical', 'Roofing', 'Builders', 'Heating', 'Property Management', 'Lettings', 'Landscaping',
  'Joinery', 'Glazing', 'Cleaning', 'Pest Control', 'Surveyors', 'Scaffolding', 'Plastering', 'Decorators',
  'Drainage', 'Solar', 'HVAC', 'Locksmiths', 'Flooring', 'Kitchens', 'Bathrooms', 'Estates', 'Removals',
  'Facilities', 'Maintenance', 'Gas Services', 'Fencing', 'Tree Surgery', 'Security Systems', 'Waste Management',
] as const;

export const companySuffixesUk = ['Ltd', 'Ltd', 'Ltd', '& Sons', 'Services', 'Group', 'Co.', 'Limited', 'LLP'] as const;
export const companySuffixesUs = ['LLC', 'LLC', 'Inc', 'Inc.', 'Co.', 'Group', 'Services', '& Sons', 'Corp'] as const;

export const personalEmailDomainsUk = ['gmail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com', 'icloud.com', 'sky.com'] as const;
export const personalEmailDomainsUs = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'aol.com', 'hotmail.com', 'comcast.net'] as const;
export const companyMailboxes = ['info', 'office', 'accounts', 'hello', 'enquiries', 'admin', 'sales', 'bookings'] as const;

export const jobTitles = [
  'Owner', 'Director', 'Office Manager', 'Property Manager', 'Facilities Manager', 'Landlord', 'Homeowner',
  'Site Manager', 'Accounts', 'Operations Manager', 'Tenant', 'Letting Agent', 'Project Manager', 'Buyer',
  'Head of Estates', 'Caretaker', 'Managing Agent', 'Procurement', 'Receptionist', 'Surveyor',
] as const;

/** Tags as small offices use them: segments, areas, reminders-to-self. Zipf-weighted in this order. */
export const tags = [
  'residential', 'commercial', 'landlord', 'vip', 'repeat', 'boiler', 'newsletter', 'insurance', 'north', 'south',
  'emergency', 'quote-sent', 'warranty', 'gas-safe', 'tenant', 'agent', 'east', 'west', 'council', 'school',
  'annual-service', 'late-payer', 'referral-partner', 'hmo', 'new-build', 'listed-building', 'trade', 'cash',
  'solar', 'heat-pump', 'care-home', 'student-let', 'retail', 'restaurant', 'office', 'industrial', 'charity',
  'Christmas card', 'do-not-chase', 'priority',
] as const;

export const sources = [
  'referral', 'website', 'google ads', 'phone-in', 'repeat customer', 'facebook', 'checkatrade', 'yell',
  'trade show', 'van signage', 'leaflet', 'nextdoor', 'linkedin', 'letting agent', 'word of mouth', '',
] as const;

export const owners = [
  'Sam Carter', 'Priya Shah', "Tom O'Neill", 'Maria Lopez', 'Dave Hughes', 'Aisha Khan', 'Liam Walsh', 'Grace Chen',
] as const;

export const contactTypes = ['customer', 'lead', 'supplier', 'partner', 'landlord'] as const;

export const ukPlaces = [
  { city: 'London', region: 'Greater London', postcodes: ['SW1A', 'E14', 'N1', 'SE15', 'W2', 'NW3', 'EC1V'] },
  { city: 'Manchester', region: 'Greater Manchester', postcodes: ['M1', 'M4', 'M14', 'M20'] },
  { city: 'Birmingham', region: 'West Midlands', postcodes: ['B1', 'B15', 'B29'] },
  { city: 'Leeds', region: 'West Yorkshire', postcodes: ['LS1', 'LS6', 'LS17'] },
  { city: 'Glasgow', region: 'Scotland', postcodes: ['G1', 'G12', 'G41'] },
  { city: 'Bristol', region: 'Bristol', postcodes: ['BS1', 'BS6', 'BS8'] },
  { city: 'Liverpool', region: 'Merseyside', postcodes: ['L1', 'L8', 'L18'] },
  { city: 'Sheffield', region: 'South Yorkshire', postcodes: ['S1', 'S10', 'S11'] },
  { city: 'Cardiff', region: 'Wales', postcodes: ['CF10', 'CF14', 'CF24'] },
  { city: 'Edinburgh', region: 'Scotland', postcodes: ['EH1', 'EH3', 'EH10'] },
  { city: 'Newcastle upon Tyne', region: 'Tyne and Wear', postcodes: ['NE1', 'NE2', 'NE6'] },
  { city: 'Nottingham', region: 'Nottinghamshire', postcodes: ['NG1', 'NG5', 'NG7'] },
  { city: 'Brighton', region: 'East Sussex', postcodes: ['BN1', 'BN2', 'BN3'] },
  { city: 'York', region: 'North Yorkshire', postcodes: ['YO1', 'YO10', 'YO31'] },
] as const;

export const usPlaces = [
  { city: 'New York', region: 'NY', zip: '100', areaCodes: ['212', '646', '718', '917'] },
  { city: 'Chicago', region: 'IL', zip: '606', areaCodes: ['312', '773'] },
  { city: 'San Francisco', region: 'CA', zip: '941', areaCodes: ['415', '628'] },
  { city: 'Los Angeles', region: 'CA', zip: '900', areaCodes: ['213', '310', '323'] },
  { city: 'Boston', region: 'MA', zip: '021', areaCodes: ['617', '857'] },
  { city: 'Houston', region: 'TX', zip: '770', areaCodes: ['713', '832'] },
  { city: 'Austin', region: 'TX', zip: '787', areaCodes: ['512', '737'] },
  { city: 'Seattle', region: 'WA', zip: '981', areaCodes: ['206'] },
  { city: 'Denver', region: 'CO', zip: '802', areaCodes: ['303', '720'] },
  { city: 'Atlanta', region: 'GA', zip: '303', areaCodes: ['404', '678'] },
  { city: 'Miami', region: 'FL', zip: '331', areaCodes: ['305', '786'] },
  { city: 'Phoenix', region: 'AZ', zip: '850', areaCodes: ['602', '480'] },
] as const;

/**
 * UK geographic area codes without the leading 0, by city, with the first digits of local
 * numbers that are in use there (so most generated numbers are valid at the first try).
 */
export const ukAreaCodes: Record<string, { code: string; firstDigits: string }> = {
  London: { code: '20', firstDigits: '3478' },
  Manchester: { code: '161', firstDigits: '23456789' },
  Birmingham: { code: '121', firstDigits: '234567' },
  Leeds: { code: '113', firstDigits: '23458' },
  Glasgow: { code: '141', firstDigits: '23456789' },
  Bristol: { code: '117', firstDigits: '2349' },
  Liverpool: { code: '151', firstDigits: '23456789' },
  Sheffield: { code: '114', firstDigits: '2345' },
  Cardiff: { code: '29', firstDigits: '2' },
  Edinburgh: { code: '131', firstDigits: '2345678' },
  'Newcastle upon Tyne': { code: '191', firstDigits: '23456789' },
  Nottingham: { code: '115', firstDigits: '26789' },
  Brighton: { code: '1273', firstDigits: '23456789' },
  York: { code: '1904', firstDigits: '23456789' },
};

export const streetNames = [
  'High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Mill Lane', 'Park Avenue', 'Green Lane',
  'Manor Road', 'Kings Road', 'Queens Road', 'The Crescent', 'New Road', 'Grange Road', 'Main Street',
  'Oak Avenue', 'Elm Street', 'Maple Drive', 'Washington Street', 'Lincoln Avenue', 'Broadway', 'Market Street',
] as const;

// Note texts are built from these pieces; words repeat across notes the way real notes do.
export const noteOpenings = [
  'Called about', 'Spoke to them re', 'Site visit for', 'Emailed quote for', 'Left voicemail about',
  'Customer asked about', 'Follow-up on', 'Tenant reported', 'Landlord wants', 'Booked engineer for',
  'Chased payment for', 'Sent photos of', 'Discussed', 'Agreed price for', 'Reminder:',
] as const;

export const noteSubjects = [
  'the boiler service', 'a leaking radiator', 'annual gas safety check', 'new bathroom fit-out', 'roof repair',
  'blocked drain', 'fuse board upgrade', 'EICR certificate', 'kitchen refit', 'damp in the back bedroom',
  'replacement windows', 'solar panel install', 'heat pump survey', 'end of tenancy clean', 'garden clearance',
  'fence panels', 'lock change', 'smoke alarm testing', 'loft insulation', 'invoice 4471',
] as const;

export const noteEndings = [
  'Will call back tomorrow.', 'Quote to follow.', 'Happy to go ahead.', 'Needs approval from the landlord.',
  'Prefers mornings.', 'Keys with the neighbour at no. 12.', 'Price too high, may shop around.',
  'Booked for next Tuesday.', 'Parking is difficult, allow extra time.', 'Paid in full.',
  'Asked for a written estimate.', 'Dog on site.', 'Access via the side gate.', '', '',
] as const;

export const followUpTitles = [
  'Send quote', 'Call back', 'Chase payment', 'Book annual service', 'Confirm appointment', 'Send certificate',
  'Check in after install', 'Renew contract', 'Arrange site visit', 'Order parts',
] as const;
