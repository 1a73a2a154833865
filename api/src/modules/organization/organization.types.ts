import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../common/connection.js';
import { NodeInterface } from '../../common/node.js';
import { OrganizationKind } from './organization.entity.js';

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'Level of an organisation in the tree.',
  valuesConfig: {
    PROVINCE: { description: '경기도 (the province headquarters).' },
    CITY: { description: 'One of the 28 cities (시).' },
    COUNTY: { description: 'One of the 3 counties (군).' },
    DEPARTMENT: { description: 'A department (과/국/실) of the province, a city or a county.' },
    AGENCY: { description: 'An agency (사업소, 보건소, 도서관, 연구원 …).' },
  },
});

@ObjectType('Organization', {
  implements: NodeInterface,
  description: 'A node of the organisation tree: 경기도, its 31 cities and counties and their departments. Readable by every signed-in viewer.',
})
export class OrganizationType extends NodeInterface {
  @Field({ description: 'Administrative code (시군구 code for cities and counties, e.g. 41110 for 수원시).' })
  code!: string;

  @Field({ description: 'Korean name, e.g. 수원시.' })
  name!: string;

  @Field(() => OrganizationKind, { description: 'Level in the tree.' })
  kind!: OrganizationKind;
}

@ObjectType({ description: 'A page of organisations.' })
export class OrganizationConnection extends ConnectionType(OrganizationType, 'Organization') {}
